export const id = 971;
export const ids = [971];
export const modules = {

/***/ 3116:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   Ai: () => (/* binding */ MissingPermissionError),
/* harmony export */   Lg: () => (/* binding */ toGitHubError),
/* harmony export */   OS: () => (/* binding */ GitHubApiError),
/* harmony export */   c4: () => (/* binding */ isNotFound),
/* harmony export */   xT: () => (/* binding */ TruncatedFileListError)
/* harmony export */ });
/**
 * The named errors of the GitHub layer. Octokit throws `RequestError`s (or, for network faults, plain
 * errors); everything above `src/github` sees one of these instead, with a message a user can act on.
 */
/** A GitHub API request failed (after the retry and throttling plugins gave up). */
class GitHubApiError extends Error {
    name = 'GitHubApiError';
    /** HTTP status when the API answered; undefined for network faults and timeouts. */
    status;
    /** What we were doing, e.g. `listing the changed files of PR #12`. */
    operation;
    constructor(operation, message, status, options) {
        super(`GitHub API error while ${operation}: ${message}`, options);
        this.operation = operation;
        this.status = status;
    }
}
/**
 * The token may not do what we asked (HTTP 403 that is not a rate limit): typically a read-only
 * `GITHUB_TOKEN` on a fork PR under `pull_request`, or a workflow without `statuses: write`.
 */
class MissingPermissionError extends GitHubApiError {
    name = 'MissingPermissionError';
}
/**
 * The API lists at most 3000 changed files and the PR has more, with no local checkout to read the
 * complete list from. Evaluating a truncated list could pass a PR it should not (SPEC §2).
 */
class TruncatedFileListError extends Error {
    listed;
    expected;
    name = 'TruncatedFileListError';
    constructor(listed, expected, reason) {
        super(`The pull request changes ${expected} files, but the GitHub API lists only the first ${listed} ` +
            `(its limit is 3000), and ${reason}. Merge Gate does not evaluate a truncated file list. ` +
            `Check the repository out with full history before this step (actions/checkout with ` +
            `fetch-depth: 0) so the complete list can be read from git, or split the pull request.`);
        this.listed = listed;
        this.expected = expected;
    }
}
function isRequestErrorLike(error) {
    return (typeof error === 'object' &&
        error !== null &&
        typeof error.status === 'number' &&
        typeof error.message === 'string');
}
/** A 403 that is a (primary or secondary) rate limit rather than a missing permission. */
function isRateLimit(error) {
    const headers = error.response?.headers ?? {};
    return String(headers['x-ratelimit-remaining']) === '0' || /rate limit/i.test(error.message);
}
/** The API's own message without the trailing ` - https://docs.github.com/...` link Octokit appends. */
function apiMessage(error) {
    return error.message.replace(/ - https:\/\/docs\.github\.com\S*$/, '');
}
/**
 * Maps whatever Octokit threw into a `GitHubApiError` (or `MissingPermissionError`), naming the
 * operation. Never includes request headers, so the token cannot leak through a message.
 */
function toGitHubError(error, operation) {
    if (error instanceof GitHubApiError)
        return error;
    if (isRequestErrorLike(error)) {
        const { status } = error;
        // Octokit reports network faults and timeouts as status 500 with the fetch error as cause.
        const answered = !(status === 500 && error.cause !== undefined);
        const message = answered ? `HTTP ${status}: ${apiMessage(error)}` : apiMessage(error);
        if (status === 403 && !isRateLimit(error)) {
            return new MissingPermissionError(operation, message, status, { cause: error });
        }
        return new GitHubApiError(operation, message, answered ? status : undefined, { cause: error });
    }
    const message = error instanceof Error ? error.message : String(error);
    return new GitHubApiError(operation, message, undefined, { cause: error });
}
/** True when `error` is (or maps to) an HTTP 404 from the API. */
function isNotFound(error) {
    return isRequestErrorLike(error) && error.status === 404;
}


/***/ }),

/***/ 9971:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {


// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  openGitHubHistory: () => (/* binding */ openGitHubHistory)
});

// EXTERNAL MODULE: ./src/evaluate/document-memo.ts
var document_memo = __webpack_require__(5597);
// EXTERNAL MODULE: ./src/config/defaults.ts
var defaults = __webpack_require__(1954);
// EXTERNAL MODULE: ./src/sources/git-diff.ts
var git_diff = __webpack_require__(7948);
;// CONCATENATED MODULE: ./src/github/checkout-diff.ts

/**
 * git runs only for a PR over the files API's cap: `node:child_process` is loaded then, not at
 * start-up, where it would delay the first API request (docs/design.md, "Start-up").
 */
const runGit = async (...args) => (await Promise.resolve(/* import() */).then(__webpack_require__.bind(__webpack_require__, 2265))).runGit(...args);
const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;
/** Options common to the three listings, so they enumerate the same files in the same order. */
const DIFF = ['diff', '--no-ext-diff', '--no-textconv', '--no-color', '--no-relative', '-M'];
async function succeeds(repo, args) {
    try {
        await runGit(repo, args);
        return true;
    }
    catch {
        return false;
    }
}
/**
 * Lists what GitHub's files API would list: the diff from the merge base of `baseSha` and
 * `headSha` to `headSha` (`base...head`), with statuses, renames, line counts and patches.
 */
async function diffFromCheckout(workspace, baseSha, headSha) {
    if (!workspace)
        return { unavailable: 'there is no checkout (GITHUB_WORKSPACE is not set)' };
    if (!SHA.test(baseSha) || !SHA.test(headSha))
        return { unavailable: 'the PR did not give commit SHAs' };
    if (!(await succeeds(workspace, ['rev-parse', '--git-dir']))) {
        return { unavailable: `${workspace} is not a git checkout` };
    }
    for (const [name, sha] of [
        ['base', baseSha],
        ['head', headSha],
    ]) {
        if (!(await succeeds(workspace, ['cat-file', '-e', `${sha}^{commit}`]))) {
            return { unavailable: `the checkout does not have the ${name} commit ${sha.slice(0, 12)}` };
        }
    }
    if (!(await succeeds(workspace, ['merge-base', baseSha, headSha]))) {
        return { unavailable: 'the checkout does not have enough history to find the merge base' };
    }
    const range = `${baseSha}...${headSha}`;
    const [names, numstat, patches] = await Promise.all([
        runGit(workspace, [...DIFF, '-z', '--name-status', range, '--']),
        runGit(workspace, [...DIFF, '-z', '--numstat', range, '--']),
        // Only added lines are ever read from patches (stop-and-fix), so no context lines are needed.
        runGit(workspace, [...DIFF, '-U0', range, '--']),
    ]);
    return {
        files: (0,git_diff/* changedFilesFrom */.Yq)((0,git_diff/* parseNameStatus */.F_)(names.stdout.toString('utf8')), (0,git_diff/* parseNumstat */.aN)(numstat.stdout.toString('utf8')), (0,git_diff/* splitPatches */.b6)(patches.stdout.toString('utf8'))),
    };
}

// EXTERNAL MODULE: ./src/github/errors.ts
var errors = __webpack_require__(3116);
;// CONCATENATED MODULE: ./src/github/raw-body.ts
/** Stops a body's download unread (a web stream is cancelled, a Node stream destroyed). */
async function cancelBody(body) {
    const stream = body;
    if (typeof stream?.cancel === 'function')
        await stream.cancel();
    else
        stream?.destroy?.();
}
/** Bytes of a response body, stopping (and cancelling the download) once `limit` is exceeded. */
async function readBody(body, limit) {
    if (!body)
        return { bytes: new Uint8Array(0), overLimit: false };
    const chunks = [];
    let size = 0;
    for await (const chunk of body) {
        chunks.push(chunk);
        size += chunk.byteLength;
        if (size > limit)
            return { bytes: new Uint8Array(0), overLimit: true };
    }
    return { bytes: Buffer.concat(chunks), overLimit: false };
}
/**
 * The fetch Octokit is configured with (`http-fetch.ts`, or undici's behind a proxy), wrapped to
 * keep a reference to each Response. With `parseSuccessResponseBody: false`
 * Octokit hands over only the body stream and drops the Response. undici, and so Node's global
 * `fetch` too (it is undici), cancels the body of a Response that is garbage collected before the
 * body is locked: a body dropped that way and read after a forced GC ended empty in 20 of 20
 * tries on Node 20.20 and on Node 24.22. Holding the Response until the body is read prevents it.
 */
function keepingResponse(octokit) {
    const configured = octokit.request.endpoint.DEFAULTS.request?.fetch;
    const base = configured ?? ((url, init) => globalThis.fetch(url, init));
    const kept = {};
    const fetch = async (url, init) => {
        kept.response = await base(url, init);
        return kept.response;
    };
    return { fetch, kept };
}
/**
 * Attempts at an answer whose body broke off or is not JSON: such a body is read past Octokit's
 * retries, so it is asked for again here, as Octokit would retry a failed read.
 */
const MALFORMED_ATTEMPTS = 3;
/** Calls `once` until its answer is not malformed, at most `MALFORMED_ATTEMPTS` times; the last answer. */
async function retryingMalformed(once, isMalformed) {
    for (let attempt = 1;; attempt += 1) {
        const answer = await once();
        if (!isMalformed(answer) || attempt >= MALFORMED_ATTEMPTS)
            return answer;
    }
}

;// CONCATENATED MODULE: ./src/github/changed-files.ts


/** The files endpoint stops listing here, whatever the PR's size (GitHub REST docs, "List pull requests files"). */
const FILES_API_LIMIT = 3000;
const STATUSES = [
    'added',
    'modified',
    'removed',
    'renamed',
    'copied',
    'changed',
    'unchanged',
];
/** Maps one API entry; throws on an entry that is not shaped like one (a malformed answer). */
function toChangedFile(entry) {
    if (typeof entry !== 'object' || entry === null || typeof entry.filename !== 'string') {
        throw new Error('an entry of the file list has no file name');
    }
    const status = STATUSES.find((s) => s === entry.status) ?? 'modified';
    const file = {
        path: entry.filename,
        status,
        additions: typeof entry.additions === 'number' ? entry.additions : 0,
        deletions: typeof entry.deletions === 'number' ? entry.deletions : 0,
    };
    if (typeof entry.previous_filename === 'string')
        file.previousPath = entry.previous_filename;
    if (typeof entry.patch === 'string')
        file.patch = entry.patch;
    return file;
}
const PER_PAGE = 100;
/** A page of 100 entries is a few hundred KB even with long patches; far past that is not a page. */
const MAX_PAGE_BYTES = 64 * 1024 * 1024;
/**
 * One page of the list. The body is read past Octokit's parsing and parsed with the native
 * `JSON.parse`: Octokit's own parse (a reviver that keeps big integers) took 38–58 ms for the 30
 * pages of a 3000-file PR, the native one 5–8 ms. Undefined when the body breaks off or is not JSON.
 */
async function fetchPageOnce(octokit, request, operation) {
    const { fetch, kept } = keepingResponse(octokit);
    try {
        const { data, headers } = await octokit.rest.pulls.listFiles({
            ...request,
            per_page: PER_PAGE,
            request: { parseSuccessResponseBody: false, fetch },
        });
        let entries;
        try {
            const body = await readBody(data, MAX_PAGE_BYTES);
            if (body.overLimit)
                throw new errors/* GitHubApiError */.OS(operation, `a page is over ${MAX_PAGE_BYTES} bytes`);
            entries = JSON.parse(Buffer.from(body.bytes).toString('utf8'));
        }
        catch (error) {
            if (error instanceof errors/* GitHubApiError */.OS)
                throw error;
            // A body cut off or garbled on the way: worth another attempt, as Octokit retries a failed read.
            return undefined;
        }
        if (!Array.isArray(entries))
            throw new errors/* GitHubApiError */.OS(operation, 'the answer is not a list of files');
        return { entries, ...(typeof headers.link === 'string' ? { link: headers.link } : {}) };
    }
    catch (error) {
        throw error instanceof errors/* GitHubApiError */.OS ? error : (0,errors/* toGitHubError */.Lg)(error, operation);
    }
    finally {
        kept.response = undefined;
    }
}
/**
 * True when GitHub says a page follows this one. Its `link` header names the `next` page; GitHub
 * leaves the header out only when the whole list fits in one page, so past the first page a
 * missing header means something on the way dropped it, and the page's fullness decides.
 */
function morePagesAfter(page, link, full) {
    if (!full)
        return false;
    if (link === undefined)
        return page > 1;
    return /\brel="next"/.test(link);
}
/** The pages `listChangedFiles` requests at once for a PR of `expectedCount` files: 1 to 30. */
function plannedPages(expectedCount) {
    return Math.min(Math.max(Math.ceil(expectedCount / PER_PAGE), 1), FILES_API_LIMIT / PER_PAGE);
}
/**
 * Every changed file the API lists for the PR (100 a page, all pages). At most `FILES_API_LIMIT`.
 * With the PR's `changed_files` count known, the pages are fetched at once (a 3000-file PR is
 * 30 requests: in sequence they would dominate the run). `expectedCount` may be an early hint (the
 * event's count) and `laterCount` the PR read's own: the pages the later count adds are fetched at
 * once as soon as it is known. Past the planned pages it reads on only while the last page read is
 * full and its `link` header names a next page (`morePagesAfter`): an undercount never truncates
 * silently, and an exact count costs no extra request.
 */
async function listChangedFiles(octokit, repo, pullNumber, expectedCount = 0, laterCount) {
    const operation = `listing the changed files of PR #${pullNumber}`;
    const maxPages = FILES_API_LIMIT / PER_PAGE;
    const fetchPage = async (page) => {
        const result = await retryingMalformed(() => fetchPageOnce(octokit, { ...repo, pull_number: pullNumber, page }, operation), (answer) => answer === undefined);
        if (!result)
            throw new errors/* GitHubApiError */.OS(operation, 'the answer is malformed JSON', 502);
        return result;
    };
    // All planned pages at once, at most 30 (the API's 3000 files): listing is one round trip
    // whatever the PR's size, well inside GitHub's documented limit of 100 concurrent requests (and a
    // secondary-rate-limit answer is still waited out by the throttling plugin).
    const requested = Array.from({ length: plannedPages(expectedCount) }, (_, i) => fetchPage(i + 1));
    if (laterCount) {
        for (const page of requested)
            page.catch(() => undefined); // awaited below, unless the count fails
        const more = plannedPages(await laterCount);
        while (requested.length < more)
            requested.push(fetchPage(requested.length + 1));
    }
    const pages = await Promise.all(requested);
    const readOn = () => {
        const last = pages.at(-1);
        return morePagesAfter(pages.length, last?.link, last?.entries.length === PER_PAGE);
    };
    while (pages.length < maxPages && readOn()) {
        pages.push(await fetchPage(pages.length + 1));
    }
    try {
        return pages.flatMap((page) => page.entries).map((entry) => toChangedFile(entry));
    }
    catch (error) {
        throw new errors/* GitHubApiError */.OS(operation, error.message);
    }
}
/**
 * True when the listing stopped at the API's cap although the PR has more files. A smaller mismatch
 * is not truncation (e.g. a push between the two requests) and is left to the next run.
 */
function isTruncated(listed, changedFilesOfPr) {
    return listed >= FILES_API_LIMIT && listed < changedFilesOfPr;
}

// EXTERNAL MODULE: ./src/config/limits.ts
var limits = __webpack_require__(9304);
// EXTERNAL MODULE: ./src/sources/decode.ts
var decode = __webpack_require__(3130);
;// CONCATENATED MODULE: ./src/github/contents.ts




const MALFORMED = 'the contents API answered with malformed JSON';
/** The file's bytes from the JSON (base64) form, or why there are none. */
function bytesFromJson(text) {
    let parsed;
    try {
        parsed = JSON.parse(text);
    }
    catch {
        return { state: 'unavailable', reason: MALFORMED };
    }
    if (Array.isArray(parsed))
        return { state: 'unreadable', reason: 'a directory, not a file' };
    const json = (parsed ?? {});
    if (json.type !== undefined && json.type !== 'file')
        return { state: 'unreadable', reason: `a ${String(json.type)}, not a file` };
    if (json.encoding === 'base64' && typeof json.content === 'string')
        return Buffer.from(json.content, 'base64');
    return {
        state: 'unavailable',
        reason: 'the contents API did not return the file (over 1 MB without the raw media type)',
    };
}
/**
 * Fetches `path` at `ref` with the raw media type (the body is streamed, not parsed, so binary
 * files arrive intact), falling back to the base64 JSON form. 404 → absent; an API failure →
 * unavailable with the reason, so the check that needed the file reports `error`, not a pass.
 */
async function fetchFileContent(octokit, location, maxBytes) {
    return retryingMalformed(() => fetchOnce(octokit, location, maxBytes), (content) => content.state === 'unavailable' && content.reason === MALFORMED);
}
async function fetchOnce(octokit, location, maxBytes) {
    const { owner, repo, ref, path } = location;
    const { fetch, kept } = keepingResponse(octokit);
    let response;
    try {
        response = await octokit.rest.repos.getContent({
            owner,
            repo,
            path,
            ref,
            mediaType: { format: 'raw' },
            request: { parseSuccessResponseBody: false, fetch },
        });
    }
    catch (error) {
        if ((0,errors/* isNotFound */.c4)(error))
            return { state: 'absent' };
        return { state: 'unavailable', reason: (0,errors/* toGitHubError */.Lg)(error, `reading ${path}`).message };
    }
    const body = response.data;
    // The JSON form carries base64 (a third larger than the file), so allow for it before decoding.
    const isJson = /\bjson\b/i.test(String(response.headers['content-type'] ?? ''));
    const declared = Number(response.headers['content-length']);
    if (!isJson && Number.isFinite(declared) && declared > maxBytes) {
        await cancelBody(body);
        return (0,limits/* tooLarge */.g)(declared, maxBytes);
    }
    let read;
    try {
        read = await readBody(body, isJson ? Math.ceil(maxBytes * 1.4) + 4096 : maxBytes);
    }
    catch (error) {
        return { state: 'unavailable', reason: (0,errors/* toGitHubError */.Lg)(error, `reading ${path}`).message };
    }
    finally {
        kept.response = undefined;
    }
    if (read.overLimit)
        return (0,limits/* tooLarge */.g)(undefined, maxBytes);
    const encoded = String(response.headers['content-encoding'] ?? 'identity') !== 'identity';
    if (!encoded && Number.isFinite(declared) && read.bytes.byteLength !== declared) {
        // Never judge a file by a cut-off download: an empty YAML file would pass its syntax check.
        const reason = `the download of ${path} ended early (${read.bytes.byteLength} of ${declared} bytes)`;
        return { state: 'unavailable', reason };
    }
    if (!isJson)
        return (0,decode/* decodeText */.g)(read.bytes, maxBytes);
    const bytes = bytesFromJson(Buffer.from(read.bytes).toString('utf8'));
    return bytes instanceof Uint8Array ? (0,decode/* decodeText */.g)(bytes, maxBytes) : bytes;
}

;// CONCATENATED MODULE: ./src/github/pr-contents.ts


/** Whether two names are one repository: GitHub matches owner and repository names without case. */
const sameRepository = (a, b) => a.owner.toLowerCase() === b.owner.toLowerCase() && a.repo.toLowerCase() === b.repo.toLowerCase();
const pr_contents_SHA = /^[0-9a-f]{40}$/;
/** Lazy, cached readers of one PR's files, at its head commit and at its merge base. */
class PullRequestContents {
    octokit;
    base;
    commits;
    cache = new Map();
    mergeBase;
    constructor(octokit, base, commits) {
        this.octokit = octokit;
        this.base = base;
        this.commits = commits;
    }
    /**
     * Files at the head SHA: base repository first (for a same-repository PR, the only request);
     * on a 404, a fork's own repository. What neither serves reads as absent, and the evaluation
     * turns a changed file that reads as absent into an error naming it.
     */
    headReader(maxBytes) {
        return this.cached('head', maxBytes, async (path) => {
            const pr = await this.commits();
            const location = { ref: pr.headSha, path };
            const fromBase = await fetchFileContent(this.octokit, { ...this.base, ...location }, maxBytes);
            if (fromBase.state !== 'absent' || sameRepository(pr.headRepository, this.base))
                return fromBase;
            return fetchFileContent(this.octokit, { ...pr.headRepository, ...location }, maxBytes);
        });
    }
    /**
     * Files at the merge base of the PR's base and head, the commit the files API's patches compare
     * against, through the base repository (the merge base is on the base branch). The merge base is
     * asked of the compare API on the first read, so a run whose patches are all there never asks.
     */
    mergeBaseReader(maxBytes) {
        return this.cached('merge base', maxBytes, async (path) => {
            const ref = await this.mergeBaseSha();
            return fetchFileContent(this.octokit, { ...this.base, ref, path }, maxBytes);
        });
    }
    /** The merge base, fetched once (`GET /repos/{base}/compare/{base_sha}...{head_sha}`). */
    mergeBaseSha() {
        this.mergeBase ??= this.fetchMergeBase();
        return this.mergeBase;
    }
    async fetchMergeBase() {
        const pr = await this.commits();
        let data;
        try {
            // One commit a page: only `merge_base_commit` is read, not the list of commits.
            ({ data } = await this.octokit.rest.repos.compareCommitsWithBasehead({
                ...this.base,
                basehead: `${pr.baseSha}...${pr.headSha}`,
                per_page: 1,
            }));
        }
        catch (error) {
            throw (0,errors/* toGitHubError */.Lg)(error, 'finding the merge base');
        }
        const sha = data?.merge_base_commit?.sha;
        if (typeof sha !== 'string' || !pr_contents_SHA.test(sha)) {
            throw new Error('the compare API answered without a merge base commit');
        }
        return sha;
    }
    /** Each path read once per side and size limit; a failure to get there is `unavailable`, never absent. */
    cached(side, maxBytes, read) {
        return {
            read: (path) => {
                const key = `${side}\0${maxBytes}\0${path}`;
                let content = this.cache.get(key);
                if (!content) {
                    content = read(path).catch((error) => ({
                        state: 'unavailable',
                        reason: error instanceof Error ? error.message : String(error),
                    }));
                    this.cache.set(key, content);
                }
                return content;
            },
        };
    }
}

;// CONCATENATED MODULE: ./src/github/evidence.ts
/**
 * Evidence lookups over the REST API (SPEC §9): each is one request (or a few pages), made only
 * when a proof's claim needs it, and cached by the evaluation. A lookup the token may not make, or
 * that fails, answers "unavailable" with the reason: the claim is then reported as not checked.
 *
 * Cost per run, at most: the head tree 1 (only for a claimed path the PR does not change), the
 * triggering issue 1, check runs and statuses 2 (only when the proof reports test results), and for
 * each stated hash that does not match head: 1 + ⌈commits/100⌉ to find the PR's commits that changed
 * the file, plus one read per such commit (at most 40 reads in all).
 */




/** `GET /pulls/{n}/commits` lists at most this many commits (GitHub REST docs). */
const PR_COMMITS_LIMIT = 250;
const evidence_PER_PAGE = 100;
class GitHubEvidence {
    options;
    repository;
    prCommits;
    constructor(options) {
        this.options = options;
        this.repository = `${options.owner}/${options.repo}`;
    }
    get base() {
        return { owner: this.options.owner, repo: this.options.repo };
    }
    /** One recursive git-trees request; a tree too large for one answer (GitHub truncates it) is unavailable. */
    async headTree() {
        const { headSha } = await this.options.pullRequest();
        return this.lookup('reading the head tree', async () => {
            const { data } = await this.options.octokit.rest.git.getTree({
                ...this.base,
                tree_sha: headSha,
                recursive: 'true',
            });
            if (!Array.isArray(data?.tree))
                throw new Error('the answer is not a tree');
            if (data.truncated === true)
                return unavailable('the head tree is too large for one API answer');
            const files = [];
            const directories = [];
            for (const entry of data.tree) {
                if (typeof entry?.path !== 'string')
                    continue;
                (entry.type === 'tree' ? directories : files).push(entry.path);
            }
            return { state: 'ok', files, directories };
        });
    }
    /** The PR's commits (up to the API's 250), oldest first; with `path`, those of them that changed it. */
    async pullRequestCommits(path) {
        return this.lookup(`listing the commits of PR #${this.options.pullNumber}`, async () => {
            const commits = await this.allPullRequestCommits();
            if (path === undefined)
                return { state: 'ok', commits };
            const { headSha } = await this.options.pullRequest();
            const { data } = await this.options.octokit.rest.repos.listCommits({
                ...this.base,
                sha: headSha,
                path,
                per_page: evidence_PER_PAGE,
            });
            if (!Array.isArray(data))
                throw new Error('the answer is not a list of commits');
            const touched = new Set(data.map((c) => c?.sha));
            return { state: 'ok', commits: commits.filter((sha) => touched.has(sha)) };
        });
    }
    /** The file at a commit, read through the base repository, then the head repository (a fork). */
    async readAt(commit, path) {
        const max = defaults/* DEFAULT_CONFIG */.P.limits.max_file_bytes;
        const location = { ref: commit, path };
        const content = await fetchFileContent(this.options.octokit, { ...this.base, ...location }, max);
        if (content.state !== 'absent')
            return content;
        const { headRepository } = await this.options.pullRequest();
        if (sameRepository(headRepository, this.base))
            return content;
        return fetchFileContent(this.options.octokit, { ...headRepository, ...location }, max);
    }
    /** `GET /issues/{n}`: a pull request carries `pull_request`. Another repository's 404 may be a private one. */
    async issue(reference) {
        const written = (reference.repository ?? this.repository).split('/');
        const ours = written.join('/').toLowerCase() === this.repository.toLowerCase();
        // GitHub matches names case-insensitively; ours is asked for as the workflow names it.
        const [owner = '', repo = ''] = ours ? [this.options.owner, this.options.repo] : written;
        const name = `${ours ? '' : `${owner}/${repo}`}#${reference.number}`;
        return this.lookup(`reading issue ${name}`, async () => {
            try {
                const { data } = await this.options.octokit.rest.issues.get({
                    owner,
                    repo,
                    issue_number: reference.number,
                });
                if (typeof data?.number !== 'number')
                    throw new Error('the answer is not an issue');
                return { state: data.pull_request ? 'pull_request' : 'issue' };
            }
            catch (error) {
                const status = error.status;
                if ((0,errors/* isNotFound */.c4)(error) || status === 410) {
                    return ours ? { state: 'absent' } : unavailable(`${owner}/${repo} is not visible to this token`);
                }
                throw error;
            }
        });
    }
    /**
     * Names of the check runs and commit statuses on the head commit (first 100 of each: enough to find
     * one that runs tests). Check runs need `checks: read`; without it this is unavailable.
     */
    async headChecks() {
        const { headSha } = await this.options.pullRequest();
        return this.lookup('reading the check runs of the head commit', async () => {
            const { octokit } = this.options;
            const [runs, statuses] = await Promise.all([
                octokit.rest.checks.listForRef({ ...this.base, ref: headSha, per_page: evidence_PER_PAGE }),
                octokit.rest.repos.getCombinedStatusForRef({ ...this.base, ref: headSha, per_page: evidence_PER_PAGE }),
            ]);
            const runNames = Array.isArray(runs.data?.check_runs)
                ? runs.data.check_runs.map((r) => r?.name)
                : undefined;
            const contexts = Array.isArray(statuses.data?.statuses)
                ? statuses.data.statuses.map((s) => s?.context)
                : undefined;
            if (!runNames || !contexts)
                throw new Error('the answer is not a list of checks');
            return {
                state: 'ok',
                names: [...runNames, ...contexts].filter((n) => typeof n === 'string'),
            };
        });
    }
    allPullRequestCommits() {
        this.prCommits ??= (async () => {
            const { octokit } = this.options;
            const shas = [];
            const pages = octokit.paginate.iterator(octokit.rest.pulls.listCommits, {
                ...this.base,
                pull_number: this.options.pullNumber,
                per_page: evidence_PER_PAGE,
            });
            let read = 0;
            for await (const { data } of pages) {
                if (!Array.isArray(data))
                    throw new Error('the answer is not a list of commits');
                shas.push(...data.map((c) => c?.sha).filter((s) => typeof s === 'string'));
                // GitHub lists at most 250 commits; a `next` link past that is not followed.
                read += 1;
                if (read > PR_COMMITS_LIMIT / evidence_PER_PAGE)
                    break;
            }
            return shas;
        })();
        return this.prCommits;
    }
    /** Runs a lookup; a refused permission or an API failure becomes "unavailable" with the reason. */
    async lookup(operation, run) {
        try {
            return await run();
        }
        catch (error) {
            const failure = (0,errors/* toGitHubError */.Lg)(error, operation);
            if (failure instanceof errors/* MissingPermissionError */.Ai) {
                return unavailable(`the token may not do this (${failure.message}); ${permissionHint(operation)}`);
            }
            return unavailable(failure.message);
        }
    }
}
function permissionHint(operation) {
    if (operation.includes('check runs'))
        return 'grant `checks: read` in the workflow';
    if (operation.startsWith('reading issue'))
        return 'grant `issues: read` in the workflow';
    return 'check the workflow permissions';
}
function unavailable(reason) {
    return { state: 'unavailable', reason };
}

;// CONCATENATED MODULE: ./src/github/adapter.ts







const adapter_text = (value) => (typeof value === 'string' ? value : '');
function repositoryOf(branch) {
    const owner = branch.repo?.owner?.login;
    const repo = branch.repo?.name;
    return typeof owner === 'string' && typeof repo === 'string' ? { owner, repo } : undefined;
}
/** Validates the API's answer; a PR without head/base SHAs cannot be evaluated. */
function toPullRequestInfo(data, base) {
    const pr = (typeof data === 'object' && data !== null ? data : {});
    if (typeof pr.number !== 'number' || !pr.head || !pr.base || !adapter_text(pr.head.sha) || !adapter_text(pr.base.sha)) {
        throw new Error('the answer is not a pull request');
    }
    const head = repositoryOf(pr.head);
    const inBase = head !== undefined && sameRepository(head, base);
    return {
        number: pr.number,
        title: adapter_text(pr.title),
        body: adapter_text(pr.body),
        draft: pr.draft === true,
        author: adapter_text(pr.user?.login),
        labels: (Array.isArray(pr.labels) ? pr.labels : []).map((label) => adapter_text(label?.name)).filter(Boolean),
        headRef: adapter_text(pr.head.ref),
        headSha: adapter_text(pr.head.sha),
        baseRef: adapter_text(pr.base.ref),
        baseSha: adapter_text(pr.base.sha),
        // A deleted fork leaves `head.repo` null; its commits stay readable through the base repository.
        isFork: !inBase,
        changedFilesCount: typeof pr.changed_files === 'number' ? pr.changed_files : 0,
        headRepository: head ?? base,
    };
}
/** `PullRequestSource` over the GitHub REST API. Each request is made at most once per run. */
class GitHubAdapter {
    options;
    pr;
    facts_;
    listing;
    contents;
    constructor(options) {
        this.options = options;
        this.contents = new PullRequestContents(options.octokit, this.repository, () => this.pullRequest());
    }
    get repository() {
        return { owner: this.options.owner, repo: this.options.repo };
    }
    /** The PR, fetched once per run (a re-run replays the old payload, so it is never trusted). */
    pullRequest() {
        this.pr ??= this.fetchPullRequest();
        return this.pr;
    }
    /** The current head commit, the one statuses of a `pull_request` run are posted on. */
    async headSha() {
        return (await this.pullRequest()).headSha;
    }
    /**
     * Starts listing the changed files before the PR read has answered, with `expectedCount` (the
     * event's count) planning the pages, so the pages do not wait for its answer. A stale
     * count costs no correctness: the pages the PR read's own count adds are asked for as soon as it
     * answers, a page past the end comes back empty, and the PR read's count still decides whether
     * the API truncated the list. Later calls change nothing.
     */
    startListing(expectedCount) {
        // Only the first call asks for the PR's count (a later one would leave it unawaited).
        this.listing ??= this.listFiles(expectedCount, this.pullRequest().then((pr) => pr.changedFilesCount));
        this.listing.catch(() => undefined); // awaited by facts(), which reports the failure
    }
    facts() {
        this.facts_ ??= this.gatherFacts();
        return this.facts_;
    }
    /**
     * Lazy, cached reader at the head SHA, through the base repository, falling back to a fork's own
     * repository on a 404 (SPEC §2; see `PullRequestContents`).
     */
    reader(options = {}) {
        return this.contents.headReader(options.maxFileBytes ?? defaults/* DEFAULT_CONFIG */.P.limits.max_file_bytes);
    }
    /** Lazy, cached reader at the merge base; the merge base is looked up on the first read only. */
    mergeBaseReader(options = {}) {
        return this.contents.mergeBaseReader(options.maxFileBytes ?? defaults/* DEFAULT_CONFIG */.P.limits.max_file_bytes);
    }
    /** Lookups that verify the proof's claims (SPEC §9), each request made only when a claim needs it. */
    evidence() {
        const { octokit, pullNumber } = this.options;
        return new GitHubEvidence({
            octokit,
            ...this.repository,
            pullNumber,
            pullRequest: () => this.pullRequest(),
        });
    }
    /** The config at the base SHA of the base repository: a PR must not weaken its own gate (SPEC §2). */
    async baseConfigText(path) {
        const pr = await this.pullRequest();
        const content = await fetchFileContent(this.options.octokit, { ...this.repository, ref: pr.baseSha, path }, defaults/* DEFAULT_CONFIG */.P.limits.max_file_bytes);
        if (content.state === 'absent')
            return undefined;
        if (content.state !== 'ok') {
            throw new Error(`cannot read the configuration ${path} on the base branch: ${content.reason}`);
        }
        return content.text;
    }
    async fetchPullRequest() {
        const { octokit, pullNumber } = this.options;
        const operation = `reading PR #${pullNumber}`;
        let data;
        try {
            ({ data } = await octokit.rest.pulls.get({ ...this.repository, pull_number: pullNumber }));
        }
        catch (error) {
            throw (0,errors/* toGitHubError */.Lg)(error, operation);
        }
        try {
            return toPullRequestInfo(data, this.repository);
        }
        catch (error) {
            throw new errors/* GitHubApiError */.OS(operation, error.message);
        }
    }
    async gatherFacts() {
        const pr = await this.pullRequest();
        const changedFiles = await this.completeFileList(pr);
        return {
            number: pr.number,
            title: pr.title,
            body: pr.body,
            draft: pr.draft,
            author: pr.author,
            labels: pr.labels,
            headRef: pr.headRef,
            headSha: pr.headSha,
            baseRef: pr.baseRef,
            baseSha: pr.baseSha,
            isFork: pr.isFork,
            changedFiles,
        };
    }
    listFiles(expectedCount, laterCount) {
        const { octokit, pullNumber } = this.options;
        return listChangedFiles(octokit, this.repository, pullNumber, expectedCount, laterCount);
    }
    /** All changed files; past the API's cap, from the checkout, or a `TruncatedFileListError`. */
    async completeFileList(pr) {
        const listed = await (this.listing ??= this.listFiles(pr.changedFilesCount));
        if (!isTruncated(listed.length, pr.changedFilesCount))
            return listed;
        const local = await diffFromCheckout(this.options.workspace, pr.baseSha, pr.headSha);
        if ('unavailable' in local)
            throw new errors/* TruncatedFileListError */.xT(listed.length, pr.changedFilesCount, local.unavailable);
        return local.files;
    }
}

// EXTERNAL MODULE: ./node_modules/@octokit/core/dist-src/index.js + 12 modules
var dist_src = __webpack_require__(4730);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-paginate-rest/dist-bundle/index.js
var dist_bundle = __webpack_require__(3779);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-retry/dist-bundle/index.js
var plugin_retry_dist_bundle = __webpack_require__(9735);
// EXTERNAL MODULE: ./node_modules/@octokit/plugin-throttling/dist-bundle/index.js
var plugin_throttling_dist_bundle = __webpack_require__(6856);
// EXTERNAL MODULE: ./node_modules/bottleneck/light.js
var light = __webpack_require__(3251);
var light_default = /*#__PURE__*/__webpack_require__.n(light);
;// CONCATENATED MODULE: ./src/github/bottleneck-yield.ts
const done = new WeakSet();
/**
 * Makes the in-memory store's zero-length yield a microtask, for every limiter of this Bottleneck
 * build (the plugins and this module share `bottleneck/light.js`). Idempotent.
 */
function yieldWithoutTimers(Limiter) {
    if (done.has(Limiter))
        return;
    done.add(Limiter);
    const probe = new Limiter();
    const store = probe._store ? Object.getPrototypeOf(probe._store) : undefined;
    if (!store || typeof store.yieldLoop !== 'function')
        return;
    const timed = store.yieldLoop;
    store.yieldLoop = function (ms = 0) {
        return ms > 0 ? timed.call(this, ms) : Promise.resolve();
    };
}

// EXTERNAL MODULE: external "node:diagnostics_channel"
var external_node_diagnostics_channel_ = __webpack_require__(3053);
// EXTERNAL MODULE: external "node:http"
var external_node_http_ = __webpack_require__(7067);
;// CONCATENATED MODULE: ./src/github/http-fetch.ts
/**
 * The fetch Octokit uses when no proxy is set: the subset of WHATWG `fetch` that
 * `@octokit/request` and `raw-body.ts` call, on `node:http` / `node:https`. Node's global `fetch`
 * is undici, which a process compiles on its first request: 30–50 ms of CPU before the request
 * leaves, against about 5 ms for `node:http`, and about a millisecond more per request after that
 * (docs/design.md, "The API client"). What fetch does that Octokit relies on is kept: redirects
 * followed (the authorization header dropped across origins), gzip/deflate/br answers decoded,
 * an aborted signal rejecting with its reason, network failures as `TypeError('fetch failed')`
 * with the cause, and connections kept alive between requests.
 */


/** Published once a request has been written to its socket (see `request-sent.ts`). */
const REQUEST_WRITTEN = (0,external_node_diagnostics_channel_.channel)('merge-gate:http:request-written');
const MAX_REDIRECTS = 20;
const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Headers fetch drops when a redirect leaves the origin. */
const CREDENTIAL_HEADERS = ['authorization', 'cookie', 'proxy-authorization'];
/** Response headers as fetch shows them: lowercase names, repeated values joined. */
class ResponseHeaders {
    #values = new Map();
    constructor(raw) {
        for (const [name, value] of Object.entries(raw)) {
            if (value !== undefined)
                this.#values.set(name, Array.isArray(value) ? value.join(', ') : value);
        }
    }
    get(name) {
        return this.#values.get(name.toLowerCase()) ?? null;
    }
    has(name) {
        return this.#values.has(name.toLowerCase());
    }
    [Symbol.iterator]() {
        return this.#values[Symbol.iterator]();
    }
}
/** An answer: status, headers and a body read once, as text, bytes or a stream of chunks. */
class HttpResponse {
    status;
    statusText;
    headers;
    url;
    redirected;
    body;
    ok;
    #used = false;
    constructor(status, statusText, headers, url, redirected, 
    /** The decoded body; async-iterable like a web `ReadableStream`. Null when there is none. */
    body) {
        this.status = status;
        this.statusText = statusText;
        this.headers = headers;
        this.url = url;
        this.redirected = redirected;
        this.body = body;
        this.ok = status >= 200 && status < 300;
    }
    get bodyUsed() {
        return this.#used;
    }
    async arrayBuffer() {
        const bytes = await this.#bytes();
        return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength);
    }
    async text() {
        // fetch decodes UTF-8 and drops a byte order mark.
        return new TextDecoder().decode(await this.#bytes());
    }
    async json() {
        return JSON.parse(await this.text());
    }
    async #bytes() {
        if (this.#used)
            throw new TypeError('Body is unusable: Body has already been read');
        this.#used = true;
        if (!this.body)
            return Buffer.alloc(0);
        const chunks = [];
        for await (const chunk of this.body)
            chunks.push(chunk);
        return Buffer.concat(chunks);
    }
}
/** Keep-alive agents, one per protocol, made on first use (`node:https` loads only for https). */
const agents = new Map();
function transportFor(protocol) {
    let transport = agents.get(protocol);
    if (!transport) {
        const load = async () => {
            const module = protocol === 'https:' ? await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 4708, 23)) : external_node_http_;
            return { request: module.request, agent: new module.Agent({ keepAlive: true }) };
        };
        transport = load();
        agents.set(protocol, transport);
    }
    return transport;
}
function fetchFailed(cause) {
    return new TypeError('fetch failed', { cause });
}
/** `fetch(url, init)` for Octokit, on `node:http` / `node:https`. */
async function http_fetch_httpFetch(url, init = {}) {
    const signal = init.signal ?? undefined;
    signal?.throwIfAborted();
    let target = new URL(url);
    let method = (init.method ?? 'GET').toUpperCase();
    let body = init.body ?? undefined;
    const headers = {};
    for (const [name, value] of Object.entries(init.headers ?? {}))
        headers[name.toLowerCase()] = value;
    headers['accept-encoding'] ??= 'gzip, deflate, br';
    for (let redirects = 0;; redirects += 1) {
        if (body !== undefined)
            headers['content-length'] = String(Buffer.byteLength(body));
        else
            delete headers['content-length'];
        const answer = await send(target, { method, headers, body, signal });
        const location = answer.headers.location;
        if (!REDIRECTS.has(answer.statusCode ?? 0) || init.redirect === 'manual' || !location) {
            return responseOf(answer, target.href, redirects > 0, method, signal);
        }
        answer.resume();
        if (init.redirect === 'error')
            throw fetchFailed(new Error(`unexpected redirect to ${location}`));
        if (redirects === MAX_REDIRECTS)
            throw fetchFailed(new Error('redirect count exceeded'));
        const next = new URL(location, target);
        if (next.origin !== target.origin)
            for (const name of CREDENTIAL_HEADERS)
                delete headers[name];
        // As fetch: 303, and 301/302 after a POST, continue as a GET without the body.
        if (answer.statusCode === 303 ||
            (method === 'POST' && answer.statusCode !== 307 && answer.statusCode !== 308)) {
            if (method !== 'HEAD')
                method = 'GET';
            body = undefined;
            delete headers['content-type'];
        }
        target = next;
    }
}
/** One request, resolved with the answer's head; rejects with the signal's reason or `fetch failed`. */
async function send(target, sending) {
    if (target.protocol !== 'http:' && target.protocol !== 'https:') {
        throw fetchFailed(new Error(`unsupported protocol ${target.protocol}`));
    }
    const { request, agent } = await transportFor(target.protocol);
    const { signal } = sending;
    signal?.throwIfAborted();
    return new Promise((resolve, reject) => {
        const options = { method: sending.method, headers: sending.headers, agent };
        let req;
        const onAbort = () => {
            req.destroy();
            reject(signal?.reason);
        };
        try {
            req = request(target, options, (answer) => {
                signal?.removeEventListener('abort', onAbort);
                resolve(answer);
            });
        }
        catch (error) {
            reject(fetchFailed(error));
            return;
        }
        signal?.addEventListener('abort', onAbort, { once: true });
        req.on('error', (error) => {
            signal?.removeEventListener('abort', onAbort);
            reject(signal?.aborted ? signal.reason : fetchFailed(error));
        });
        req.on('finish', () => {
            if (REQUEST_WRITTEN.hasSubscribers)
                REQUEST_WRITTEN.publish({ method: sending.method });
        });
        req.end(sending.body);
    });
}
/** The response: its body decoded, and failing with the signal's reason if aborted while read. */
async function responseOf(answer, url, redirected, method, signal) {
    const status = answer.statusCode ?? 0;
    const headers = new ResponseHeaders(answer.headers);
    const empty = method === 'HEAD' || status === 204 || status === 205 || status === 304;
    let body = empty ? null : answer;
    if (empty)
        answer.resume();
    const encoding = headers.get('content-encoding')?.trim().toLowerCase();
    if (body && encoding && encoding !== 'identity')
        body = await decoded(answer, encoding);
    if (body && signal) {
        const stream = body;
        const onAbort = () => stream.destroy(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        stream.once('close', () => signal.removeEventListener('abort', onAbort));
    }
    return new HttpResponse(status, answer.statusMessage ?? '', headers, url, redirected, body);
}
/** The body through the decoder its `content-encoding` names (zlib loads only then). */
async function decoded(answer, encoding) {
    const zlib = await Promise.resolve(/* import() */).then(__webpack_require__.t.bind(__webpack_require__, 8522, 23));
    const decoder = encoding === 'br'
        ? zlib.createBrotliDecompress()
        : encoding === 'deflate'
            ? zlib.createInflate()
            : encoding === 'gzip' || encoding === 'x-gzip'
                ? zlib.createGunzip({ flush: zlib.constants.Z_SYNC_FLUSH })
                : undefined;
    if (!decoder)
        return answer;
    answer.on('error', (error) => decoder.destroy(error));
    decoder.on('close', () => {
        if (!answer.complete)
            answer.destroy();
    });
    return answer.pipe(decoder);
}

;// CONCATENATED MODULE: ./src/github/request-sent.ts
/**
 * When a request has left for the network. `http-fetch.ts` publishes on its channel once a
 * request is written to its socket; undici (Node's global `fetch` and the proxy agent, behind a
 * proxy) publishes `undici:client:sendHeaders`. The action waits for either before compiling the
 * code it needs only later (the config loader and the checks), so that code compiles while the
 * first answer is on its way instead of before the first request goes out (docs/design.md,
 * "Start-up").
 */


const CHANNELS = [REQUEST_WRITTEN.name, 'undici:client:sendHeaders'];
/**
 * Resolves once `count` more requests have been written, or when `settled` settles (a request
 * that fails before sending, or a fetch that publishes nothing), whichever comes first.
 */
function request_sent_requestsSent(count, settled) {
    return new Promise((resolve) => {
        let written = 0;
        const done = () => {
            for (const name of CHANNELS)
                unsubscribe(name, onWritten);
            resolve();
        };
        const onWritten = () => {
            written += 1;
            if (written >= count)
                done();
        };
        for (const name of CHANNELS)
            subscribe(name, onWritten);
        settled.then(done, done);
    });
}

;// CONCATENATED MODULE: ./src/github/early-answers.ts
/**
 * Requests sent before the API client exists, and their answers handed to it. The action sends the
 * PR read it always starts with first thing (`action/early-pull-read.ts`), then loads the client,
 * the retry and throttling plugins and the rest of the run while the answer is on its way. The
 * client's fetch takes that answer the first time it asks for the same method and URL, so retries,
 * rate limits and error handling see it exactly as if the client had sent the request itself.
 */


const waiting = new Map();
const keyOf = (url, method) => `${(method ?? 'GET').toUpperCase()} ${new URL(url).href}`;
/**
 * Sends a request now; its answer waits for the first `directFetch` of the same method and URL.
 * Resolves once the request has been written to its socket (or has failed): until then the
 * process must not block on anything long, such as compiling the rest of the bundle.
 */
function sendEarly(url, init) {
    const answer = httpFetch(url, init);
    // Taken later, or never (a run that stops first): a failure must not surface as unhandled.
    answer.catch(() => undefined);
    waiting.set(keyOf(url, init.method), answer);
    // Written is published asynchronously, so subscribing now still sees it.
    return requestsSent(1, answer);
}
/**
 * The early answer for this request, once: undefined when none was sent. The caller's signal
 * still applies (a timeout rejects with its reason, as fetch would).
 */
function takeEarly(url, init = {}) {
    const key = keyOf(url, init.method);
    const answer = waiting.get(key);
    if (!answer)
        return undefined;
    waiting.delete(key);
    const signal = init.signal;
    if (!signal)
        return answer;
    return new Promise((resolve, reject) => {
        if (signal.aborted)
            return reject(signal.reason);
        const onAbort = () => reject(signal.reason);
        signal.addEventListener('abort', onAbort, { once: true });
        answer.then((response) => {
            signal.removeEventListener('abort', onAbort);
            resolve(response);
        }, (error) => {
            signal.removeEventListener('abort', onAbort);
            reject(error);
        });
    });
}
/** The client's fetch without a proxy: an early answer when there is one, else `httpFetch`. */
function directFetch(url, init = {}) {
    return takeEarly(url, init) ?? http_fetch_httpFetch(url, init);
}

;// CONCATENATED MODULE: ./src/github/proxy.ts
/**
 * Proxy support for self-hosted runners behind an HTTP(S) proxy, without loading a proxy agent on
 * the common path (docs/design.md, "The API client"). Without a proxy, requests go through
 * `http-fetch.ts` (`node:http`). When `HTTPS_PROXY` / `HTTP_PROXY` (or their lowercase forms) are
 * set, they use a `fetch` that can reach the proxy:
 * - Node 24.14+ (and 25.4+) proxy `fetch` themselves once `http.setGlobalProxyFromEnv()` is called;
 *   earlier Node 24 releases do when started with `NODE_USE_ENV_PROXY=1` or `--use-env-proxy`;
 * - otherwise undici's `EnvHttpProxyAgent` is imported then, and only then, with undici's `fetch`.
 * Both routes read the same variables with the same rules (Node's built-in support is undici's
 * `EnvHttpProxyAgent`): the lowercase form wins, HTTPS falls back to `HTTP_PROXY`, and `NO_PROXY` /
 * `no_proxy` lists hosts that are reached directly.
 */

/** The running Node (`node:http` is loaded only here, behind a proxy). */
function currentRuntime() {
    // process.getBuiltinModule: Node 20.16+ and 22.3+; older Node then simply take the agent route.
    const http = (process.getBuiltinModule?.('node:http') ?? {});
    const setGlobal = http.setGlobalProxyFromEnv;
    return {
        ...(typeof setGlobal === 'function' ? { setGlobalProxyFromEnv: setGlobal } : {}),
        nodeMajor: Number(process.versions.node.split('.')[0]),
        execArgv: process.execArgv,
    };
}
/** The first non-empty of the variables, lowercase first (as Node and undici read them). */
function variable(env, name) {
    return env[name.toLowerCase()] || env[name.toUpperCase()] || undefined;
}
/** Names of the proxy variables that are set (for the log line: never their values, which may hold credentials). */
function proxyVariablesSet(env) {
    return ['https_proxy', 'HTTPS_PROXY', 'http_proxy', 'HTTP_PROXY'].filter((name) => env[name]);
}
/** Which route requests take under `env` on `runtime`. */
function chooseProxyRoute(env, runtime) {
    if (proxyVariablesSet(env).length === 0)
        return { kind: 'direct' };
    const { setGlobalProxyFromEnv } = runtime;
    if (setGlobalProxyFromEnv)
        return { kind: 'node', setGlobal: () => void setGlobalProxyFromEnv(env) };
    const envProxyOn = env.NODE_USE_ENV_PROXY === '1' ||
        runtime.execArgv.includes('--use-env-proxy') ||
        /(^|\s)--use-env-proxy(\s|$)/.test(env.NODE_OPTIONS ?? '');
    // NODE_USE_ENV_PROXY is read at start-up by Node 24 and later; older Node ignore it.
    if (envProxyOn && runtime.nodeMajor >= 24)
        return { kind: 'node' };
    return { kind: 'agent' };
}
/** A log line saying how requests reach the proxy (or undefined without one). */
function describeRoute(route, env) {
    if (route.kind === 'direct')
        return undefined;
    const through = route.kind === 'node' ? "Node's built-in proxy support" : "undici's EnvHttpProxyAgent";
    const bypass = variable(env, 'no_proxy') ? ', except the hosts NO_PROXY lists' : '';
    return `${proxyVariablesSet(env).join(', ')} set: API requests go through the proxy${bypass} (${through}).`;
}
/**
 * undici's `fetch` through an `EnvHttpProxyAgent` built from `env`, imported on the first request
 * (a separate chunk of the bundle: the common path never loads it).
 */
function agentFetch(env) {
    let loaded;
    const load = async () => {
        const undici = await __webpack_require__.e(/* import() */ 752).then(__webpack_require__.t.bind(__webpack_require__, 4371, 19));
        const dispatcher = new undici.EnvHttpProxyAgent({
            // Explicit values (an empty string is "none"), so only `env` counts, never process.env.
            httpProxy: variable(env, 'http_proxy') ?? '',
            httpsProxy: variable(env, 'https_proxy') ?? '',
            noProxy: variable(env, 'no_proxy') ?? '',
        });
        return (url, init) => undici.fetch(url, { ...init, dispatcher });
    };
    return async (url, init) => {
        loaded ??= load();
        return (await loaded)(url, init);
    };
}
/**
 * Sets the route up for one client: turns Node's proxy support on, or returns the fetch to use.
 * Direct, that is `http-fetch.ts` (and the answer to a request sent before the client existed,
 * `early-answers.ts`); `fetch` is undefined when Node proxies its global one.
 */
function setUpProxy(env, runtime) {
    if (proxyVariablesSet(env).length === 0)
        return { fetch: directFetch };
    const route = chooseProxyRoute(env, runtime ?? currentRuntime());
    const message = describeRoute(route, env);
    if (route.kind === 'node')
        route.setGlobal?.();
    if (route.kind === 'agent')
        return { fetch: agentFetch(env), message };
    return message ? { message } : {};
}

;// CONCATENATED MODULE: ./src/github/request-defaults.ts
/**
 * What every request of a run carries, for the client (`client.ts`) and for the PR read sent before
 * the client exists (`action/early-pull-read.ts`): both must form the same URL and headers, or the
 * client would not recognise that read as its own.
 */
/** How long a request may take before it is aborted and retried, unless the client is told otherwise. */
const DEFAULT_REQUEST_TIMEOUT_MS = 20_000;
/** The REST API root without a trailing slash: `GITHUB_API_URL` on a runner, else github.com's. */
function apiRoot(url) {
    return (url || 'https://api.github.com').replace(/\/+$/, '');
}
/**
 * The user agent, tagged with the runner's orchestration id when it sets one (as `@actions/github`
 * does), so GitHub can attribute the requests to the workflow run.
 */
function userAgentFor(env) {
    const id = env.ACTIONS_ORCHESTRATION_ID?.trim();
    return id ? `merge-gate actions_orchestration_id/${id.replace(/[^a-z0-9_.-]/gi, '_')}` : 'merge-gate';
}
/** The header Octokit's token auth sends: `bearer` for a JSON Web Token (three dot-separated parts), else `token`. */
function authorizationFor(token) {
    return token.split('.').length === 3 ? `bearer ${token}` : `token ${token}`;
}

;// CONCATENATED MODULE: ./src/github/rest.ts
/** Each method's route, `METHOD /path`, exactly as `@octokit/plugin-rest-endpoint-methods` has it. */
const ROUTES = {
    pulls: {
        get: 'GET /repos/{owner}/{repo}/pulls/{pull_number}',
        listFiles: 'GET /repos/{owner}/{repo}/pulls/{pull_number}/files',
        list: 'GET /repos/{owner}/{repo}/pulls',
        listCommits: 'GET /repos/{owner}/{repo}/pulls/{pull_number}/commits',
    },
    repos: {
        getContent: 'GET /repos/{owner}/{repo}/contents/{path}',
        createCommitStatus: 'POST /repos/{owner}/{repo}/statuses/{sha}',
        compareCommitsWithBasehead: 'GET /repos/{owner}/{repo}/compare/{basehead}',
        getCombinedStatusForRef: 'GET /repos/{owner}/{repo}/commits/{ref}/status',
        listCommits: 'GET /repos/{owner}/{repo}/commits',
    },
    checks: {
        listForRef: 'GET /repos/{owner}/{repo}/commits/{ref}/check-runs',
    },
    git: {
        getTree: 'GET /repos/{owner}/{repo}/git/trees/{tree_sha}',
    },
    issues: {
        get: 'GET /repos/{owner}/{repo}/issues/{issue_number}',
        listComments: 'GET /repos/{owner}/{repo}/issues/{issue_number}/comments',
        createComment: 'POST /repos/{owner}/{repo}/issues/{issue_number}/comments',
        updateComment: 'PATCH /repos/{owner}/{repo}/issues/comments/{comment_id}',
        deleteComment: 'DELETE /repos/{owner}/{repo}/issues/comments/{comment_id}',
    },
};
/** Octokit plugin adding `octokit.rest` with the methods above. */
function restMethods(octokit) {
    const method = (route) => {
        const [verb, url] = route.split(' ');
        return octokit.request.defaults({ method: verb, url });
    };
    const scope = (name) => Object.fromEntries(Object.entries(ROUTES[name]).map(([methodName, route]) => [methodName, method(route)]));
    return {
        rest: {
            pulls: scope('pulls'),
            repos: scope('repos'),
            issues: scope('issues'),
            checks: scope('checks'),
            git: scope('git'),
        },
    };
}

;// CONCATENATED MODULE: ./src/github/client.ts
/**
 * The one Octokit the action uses, on Node's global `fetch`: `@octokit/core` with pagination, the
 * REST methods we call (`rest.ts`), the retry and throttling plugins, a per-request timeout, and
 * refusal of malformed JSON. A proxy agent is loaded only when the environment names a proxy
 * (`proxy.ts`). Every knob is injectable so tests against a loopback server run in milliseconds.
 */









/**
 * `@octokit/core` with pagination and the REST methods in `rest.ts`: what `@octokit/rest` is, for
 * the methods we call. `createClient` adds the hardening, retry and throttling plugins.
 */
const RestOctokit = dist_src/* Octokit */.E.plugin(dist_bundle/* paginateRest */.ud, restMethods);
/** Requests in flight at once (see the `global` group below). */
const MAX_CONCURRENT_REQUESTS = 50;
const quietLog = { debug: () => undefined, warn: (message) => console.warn(message) };
/** Signals this module created, so a retried request gets a fresh one instead of an expired one. */
const ownSignals = new WeakSet();
/**
 * Runs innermost (registered before the retry plugin), so what it throws is retried like a 5xx:
 * - each attempt gets its own timeout signal (a hung connection would otherwise hold the job);
 * - a JSON content type whose body did not parse (Octokit then hands over the raw string) becomes a 502.
 */
function hardenRequests(timeout) {
    return (octokit) => {
        octokit.hook.wrap('request', async (request, rawOptions) => {
            const options = rawOptions;
            const current = options.request?.signal;
            if (!current || ownSignals.has(current)) {
                const signal = AbortSignal.timeout(typeof timeout === 'number' ? timeout : timeout(octokit.request.endpoint(rawOptions)));
                ownSignals.add(signal);
                options.request = { ...options.request, signal };
            }
            let response;
            try {
                response = (await request(rawOptions));
            }
            catch (error) {
                throw asSecondaryLimit(error);
            }
            const contentType = String(response.headers['content-type'] ?? '');
            if (/\bjson\b/i.test(contentType) && typeof response.data === 'string') {
                throw Object.assign(new Error(`malformed JSON in the answer to ${options.method} ${options.url}`), {
                    status: 502,
                    request: options,
                    response,
                });
            }
            return response;
        });
    };
}
/**
 * GitHub answers a secondary rate limit with 403 or 429, a `retry-after` header or none, and not
 * always with "secondary rate" in the message, which is all the throttling plugin looks for. Any 429,
 * and a 403 with `retry-after`, is a secondary limit unless the primary quota is spent: say so, so
 * the plugin waits `retry-after` (or its one-minute fallback) and retries.
 */
function asSecondaryLimit(error) {
    const failure = error;
    const headers = failure?.response?.headers ?? {};
    const limited = failure?.status === 429 || (failure?.status === 403 && headers['retry-after'] !== undefined);
    if (!limited ||
        headers['x-ratelimit-remaining'] === '0' ||
        /\bsecondary rate\b/i.test(failure.message ?? '')) {
        return error;
    }
    try {
        failure.message = `${failure.message ?? 'rate limited'} (secondary rate limit)`;
    }
    catch {
        // A frozen error keeps its message; the retry plugin then treats it as final.
    }
    return error;
}
// Once per process, for every limiter the plugins make (see bottleneck-yield.ts).
yieldWithoutTimers((light_default()));
/**
 * Creates the client. The token is only ever handed to Octokit's auth header; nothing here logs it.
 */
function createClient(token, options = {}) {
    const log = options.log ?? quietLog;
    const env = options.env ?? {};
    const proxy = setUpProxy(env);
    if (proxy.message)
        (log.info ?? log.debug)(proxy.message);
    const rateLimitRetries = options.rateLimitRetries ?? 2;
    const maxWait = options.rateLimitMaxWaitSeconds ?? 60;
    const onLimit = (kind) => (retryAfter, request, _octokit, retryCount) => {
        const retrying = retryCount < rateLimitRetries && retryAfter <= maxWait;
        log.warn(`GitHub ${kind} rate limit on ${request.method} ${request.url}; ` +
            (retrying ? `retrying in ${retryAfter} s.` : 'giving up.'));
        return retrying;
    };
    const GitHub = RestOctokit.plugin(hardenRequests(options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS), plugin_retry_dist_bundle/* retry */.L, plugin_throttling_dist_bundle/* throttling */.A);
    return new GitHub({
        auth: token,
        baseUrl: apiRoot(options.baseUrl),
        ...(proxy.fetch ? { request: { fetch: proxy.fetch } } : {}),
        userAgent: userAgentFor(env),
        log: { debug: log.debug, info: log.debug, warn: log.warn, error: log.warn },
        retry: {
            retries: options.retries ?? 3,
            retryAfterBaseValue: options.retryBaseMs ?? 1000,
            // Rate limits (429) are the throttling plugin's: it honours retry-after, the retry plugin would not.
            doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451],
        },
        throttle: {
            onRateLimit: onLimit('primary'),
            onSecondaryRateLimit: onLimit('secondary'),
            retryAfterBaseValue: options.rateLimitSecondMs ?? 1000,
            // The plugin's default starts writes a second apart, which would make the 14 status posts of
            // a run take 14 s. GitHub's documented secondary limit is 80 content-creating requests a
            // minute; a run's 14 stay far below it, and a secondary-limit answer is still waited out.
            write: new (light_default()).Group({ minTime: options.writeSpacingMs ?? 0 }),
            // Requests that notify people (a PR comment) keep the plugin's 3 s spacing, but per client:
            // the plugin's default group is shared by every client in the process, so a second client
            // (the next PR of a replay, or a test's next run) waited on the first one's comment.
            notifications: new (light_default()).Group({ maxConcurrent: 1, minTime: 3000 }),
            // The plugin's default runs 10 requests at a time, which would list a 3000-file PR's 30 pages
            // in three round trips. A run's widest moment is those 30, the config read and the 7 pending
            // posts: 50 at once is half GitHub's documented limit of 100 concurrent requests. (`global`
            // is read by the plugin like `write` but missing from its option type; a test checks that
            // all 30 pages are in flight together.)
            ...{ global: new (light_default()).Group({ maxConcurrent: MAX_CONCURRENT_REQUESTS }) },
        },
    });
}

;// CONCATENATED MODULE: ./src/github/pr-comment.ts

/**
 * GitHub refuses a longer comment body with HTTP 422 ("maximum is 65536 characters"). Measurements
 * disagree on the unit (characters, or 262,144 UTF-8 bytes), so bodies are clipped to this many
 * UTF-8 bytes: within the limit whichever unit GitHub counts.
 */
const MAX_COMMENT_BODY = 65_536;
const DEFAULT_CLIPPED_NOTE = '_The report is too long for a comment and was cut here._';
const utf8 = new TextEncoder();
/** UTF-8 length of one code point. */
function utf8Length(char) {
    const code = char.codePointAt(0) ?? 0;
    return code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
}
/**
 * `text` cut to at most `maxBytes` UTF-8 bytes, at a line break when one is in the second half (a
 * cut mid-line can break a table row or a link), else at a code point boundary.
 */
function clipToBytes(text, maxBytes) {
    let bytes = 0;
    let end = 0;
    for (const char of text) {
        bytes += utf8Length(char);
        if (bytes > maxBytes)
            break;
        end += char.length;
    }
    const cut = text.slice(0, end);
    const lineEnd = cut.lastIndexOf('\n');
    return lineEnd > cut.length / 2 ? cut.slice(0, lineEnd) : cut;
}
/** The full comment text: marker first (so clipping never removes it), then the body, clipped to fit. */
function commentBody(marker, body, clippedNote = DEFAULT_CLIPPED_NOTE) {
    const full = `${marker}\n${body}`;
    if (utf8.encode(full).length <= MAX_COMMENT_BODY)
        return full;
    const note = `\n\n---\n\n${clippedNote}\n`;
    return `${clipToBytes(full, MAX_COMMENT_BODY - utf8.encode(note).length)}${note}`;
}
/**
 * Every comment that starts with `marker` (ours always do; one that merely quotes it is not ours),
 * oldest first: GitHub lists a conversation in creation order.
 */
async function listMarked(octokit, request) {
    const { owner, repo, issueNumber, marker } = request;
    const comments = await octokit.paginate(octokit.rest.issues.listComments, {
        owner,
        repo,
        issue_number: issueNumber,
        per_page: 100,
    });
    return comments.filter((comment) => comment.body?.startsWith(marker));
}
/**
 * Two runs that start together (a PR opened with labels fires `opened` and `labeled` at once) can
 * both find no comment and both create one. The oldest is kept; later ones by the same author are
 * the other run's, and would otherwise linger with a stale report.
 */
function duplicatesOf(kept, others) {
    const author = kept.user?.login;
    return author ? others.filter((comment) => comment.user?.login === author) : [];
}
/**
 * Updates the PR's comment carrying `marker`, or creates it (unless `createIfMissing` is false).
 * Matches on the marker, not the author: the token's identity is unknown without another request,
 * and only Merge Gate writes the marker. Throws a `GitHubApiError` (`MissingPermissionError` on 403).
 */
async function upsertStickyComment(octokit, request) {
    const { owner, repo, issueNumber } = request;
    const body = commentBody(request.marker, request.body, request.clippedNote);
    const attempt = async (operation, call) => {
        try {
            return await call();
        }
        catch (error) {
            throw (0,errors/* toGitHubError */.Lg)(error, `${operation} on PR #${issueNumber}`);
        }
    };
    const [existing, ...others] = await attempt('listing the comments', () => listMarked(octokit, request));
    if (existing) {
        const { data } = await attempt('updating the Merge Gate comment', () => octokit.rest.issues.updateComment({ owner, repo, comment_id: existing.id, body }));
        for (const duplicate of duplicatesOf(existing, others)) {
            await attempt('removing a duplicate Merge Gate comment', () => octokit.rest.issues.deleteComment({ owner, repo, comment_id: duplicate.id }));
        }
        return { action: 'updated', id: data.id, ...(data.html_url ? { url: data.html_url } : {}) };
    }
    if (request.createIfMissing === false)
        return { action: 'none' };
    const { data } = await attempt('commenting', () => octokit.rest.issues.createComment({ owner, repo, issue_number: issueNumber, body }));
    return { action: 'created', id: data.id, ...(data.html_url ? { url: data.html_url } : {}) };
}

;// CONCATENATED MODULE: ./src/github/status-sink.ts

/** GitHub answers HTTP 422 to a longer status description. */
const MAX_DESCRIPTION = 140;
/**
 * One line of at most `max` characters (code points, so an emoji is never cut in half), ending in
 * `…` when clipped. The one place descriptions are clipped (docs/design.md).
 */
function clipDescription(description, max = MAX_DESCRIPTION) {
    const line = description.replace(/\s+/g, ' ').trim();
    const chars = Array.from(line);
    return chars.length <= max ? line : `${chars.slice(0, max - 1).join('')}…`;
}
/** `StatusSink` posting `POST /repos/{owner}/{repo}/statuses/{sha}`. */
class GitHubStatusSink {
    octokit;
    repository;
    sha;
    constructor(octokit, repository, 
    /** The commit the statuses describe: the PR head, or the merge group's head for `merge_group`. */
    sha) {
        this.octokit = octokit;
        this.repository = repository;
        this.sha = sha;
    }
    async post(context, state, description, targetUrl) {
        try {
            await this.octokit.rest.repos.createCommitStatus({
                ...this.repository,
                sha: this.sha,
                context,
                state,
                description: clipDescription(description),
                ...(targetUrl ? { target_url: targetUrl } : {}),
            });
        }
        catch (error) {
            // The context is not named here: callers list which contexts failed, grouped by reason.
            throw (0,errors/* toGitHubError */.Lg)(error, 'posting a commit status');
        }
    }
}

;// CONCATENATED MODULE: ./src/github/connect.ts




/** One client per run, so retry and throttling state is shared by every request the run makes. */
function connectGitHub(connection) {
    const octokit = createClient(connection.token, { ...connection.client, baseUrl: connection.apiUrl });
    const repository = { owner: connection.owner, repo: connection.repo };
    return {
        pullRequest: (pullNumber) => new GitHubAdapter({ octokit, ...repository, pullNumber, workspace: connection.workspace }),
        statusSink: (sha) => new GitHubStatusSink(octokit, repository, sha),
        stickyComment: (issueNumber, marker) => ({
            upsert: (body, options) => upsertStickyComment(octokit, { ...repository, issueNumber, marker, body, ...options }),
        }),
        // Only `merge-gate history` lists merged PRs: loaded then, never at the action's start-up.
        mergedPulls: async (query) => (await __webpack_require__.e(/* import() */ 590).then(__webpack_require__.bind(__webpack_require__, 2590))).listMergedPulls(octokit, repository, query),
    };
}

// EXTERNAL MODULE: ./src/history/evaluate-pull.ts
var evaluate_pull = __webpack_require__(1025);
// EXTERNAL MODULE: ./src/history/config-cache.ts
var config_cache = __webpack_require__(3163);
// EXTERNAL MODULE: ./src/history/errors.ts
var history_errors = __webpack_require__(6605);
;// CONCATENATED MODULE: ./src/history/github-mode.ts





/** The two halves of GitHub mode over one client: listing and evaluating. */
function openGitHubHistory(options) {
    const session = connectGitHub({
        owner: options.owner,
        repo: options.repo,
        token: options.token,
        ...(options.apiUrl ? { apiUrl: options.apiUrl } : {}),
        ...(options.client ? { client: options.client } : {}),
    });
    return {
        discover: (query) => discoverGitHubPulls(session, `${options.owner}/${options.repo}`, query),
        evaluator: new GitHubPullEvaluator(session),
    };
}
async function discoverGitHubPulls(session, repository, query) {
    let listing;
    try {
        listing = await session.mergedPulls(query);
    }
    catch (error) {
        throw new history_errors/* HistoryError */.t(error instanceof Error ? error.message : String(error));
    }
    return {
        mode: 'github',
        repository,
        pulls: listing.pulls.map(toHistoryPull),
        unknown: [],
        notes: listing.problem ? [`The list of merged pull requests is incomplete: ${listing.problem}.`] : [],
        incomplete: listing.problem !== undefined,
    };
}
function toHistoryPull(pull) {
    return {
        number: pull.number,
        title: pull.title,
        mergedAt: new Date(pull.mergedAt).toISOString(),
        base: pull.baseSha,
        head: pull.headSha,
        headRef: pull.headRef,
        labels: pull.labels,
        author: pull.author,
        origin: 'github',
    };
}
class GitHubPullEvaluator {
    session;
    configs = new config_cache/* ConfigCache */.t();
    memo = new document_memo/* DocumentMemo */.Y();
    constructor(session) {
        this.session = session;
    }
    async evaluate(pull, proposed) {
        // Read afresh, as the action does: the PR's own answer has the file count the adapter checks.
        return (0,evaluate_pull/* evaluatePull */.f)(this.session.pullRequest(pull.number), this.configs, this.memo, proposed);
    }
    close() {
        return Promise.resolve();
    }
}


/***/ })

};
