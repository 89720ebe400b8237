export const id = 590;
export const ids = [590];
export const modules = {

/***/ 2590:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   listMergedPulls: () => (/* binding */ listMergedPulls),
/* harmony export */   toMergedPull: () => (/* binding */ toMergedPull)
/* harmony export */ });
/* harmony import */ var _errors_js__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(3116);

const PER_PAGE = 100;
/** 10,000 closed PRs: past this, say so rather than page on for minutes. */
const MAX_PAGES = 100;
const text = (value) => (typeof value === 'string' ? value : '');
/** A merged PR from one list entry; undefined for a closed, unmerged one. Throws on a malformed entry. */
function toMergedPull(entry) {
    const pr = (typeof entry === 'object' && entry !== null ? entry : {});
    if (typeof pr.number !== 'number')
        throw new Error('an entry of the pull request list has no number');
    if (typeof pr.merged_at !== 'string' || Number.isNaN(Date.parse(pr.merged_at)))
        return undefined;
    if (!text(pr.head?.sha) || !text(pr.base?.sha))
        throw new Error(`pull request #${pr.number} in the list has no head or base SHA`);
    return {
        number: pr.number,
        title: text(pr.title),
        author: text(pr.user?.login),
        labels: (Array.isArray(pr.labels) ? pr.labels : []).map((label) => text(label?.name)).filter(Boolean),
        headRef: text(pr.head?.ref),
        headSha: text(pr.head?.sha),
        baseRef: text(pr.base?.ref),
        baseSha: text(pr.base?.sha),
        mergedAt: pr.merged_at,
    };
}
/** The merged PRs the query asks for, newest merge first. Throws `GitHubApiError` if the first page fails. */
async function listMergedPulls(octokit, repository, query) {
    const found = new Map();
    const since = query.since?.getTime() ?? -Infinity;
    let problem;
    for (let page = 1;; page += 1) {
        const operation = `listing the merged pull requests (page ${page})`;
        let entries;
        try {
            const { data } = await octokit.rest.pulls.list({
                ...repository,
                state: 'closed',
                sort: 'updated',
                direction: 'desc',
                per_page: PER_PAGE,
                page,
            });
            if (!Array.isArray(data))
                throw new _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubApiError */ .OS(operation, 'the answer is not a list');
            entries = data;
            for (const entry of entries) {
                const pull = toMergedPull(entry);
                if (pull && Date.parse(pull.mergedAt) >= since)
                    found.set(pull.number, pull);
            }
        }
        catch (error) {
            const failure = error instanceof _errors_js__WEBPACK_IMPORTED_MODULE_0__/* .GitHubApiError */ .OS ? error : (0,_errors_js__WEBPACK_IMPORTED_MODULE_0__/* .toGitHubError */ .Lg)(error, operation);
            if (page === 1)
                throw failure;
            problem = `${failure.message}; the list may miss older pull requests`;
            break;
        }
        if (entries.length < PER_PAGE)
            break;
        const lastUpdated = Date.parse(text(entries.at(-1)?.updated_at));
        if (!enoughRead(found, query.limit, since, lastUpdated)) {
            if (page >= MAX_PAGES) {
                problem = `stopped after ${MAX_PAGES * PER_PAGE} closed pull requests; use --since to go further back`;
                break;
            }
            continue;
        }
        break;
    }
    const pulls = [...found.values()]
        .sort((a, b) => Date.parse(b.mergedAt) - Date.parse(a.mergedAt) || b.number - a.number)
        .slice(0, query.limit);
    return problem === undefined ? { pulls } : { pulls, problem };
}
/** True when no PR on a later page can be newer (by merge) than the ones kept, or be inside `since`. */
function enoughRead(found, limit, since, lastUpdated) {
    if (Number.isNaN(lastUpdated))
        return false;
    if (lastUpdated < since)
        return true;
    if (found.size < limit)
        return false;
    const kept = [...found.values()].map((p) => Date.parse(p.mergedAt)).sort((a, b) => b - a);
    return lastUpdated < (kept[limit - 1] ?? Infinity);
}


/***/ })

};
