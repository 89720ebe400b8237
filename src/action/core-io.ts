/** `ActionIO` on `@actions/core`: workflow commands on stdout, `GITHUB_OUTPUT` and `GITHUB_STEP_SUMMARY` files. */
import * as core from '@actions/core';
import type { ActionIO } from './io.js';

export function coreIO(): ActionIO {
  return {
    getInput: (name) => core.getInput(name),
    setSecret: (value) => core.setSecret(value),
    info: (message) => core.info(message),
    notice: (message, props) => core.notice(message, props),
    warning: (message, props) => core.warning(message, props),
    error: (message, props) => core.error(message, props),
    setOutput: (name, value) => core.setOutput(name, value),
    setFailed: (message) => core.setFailed(message),
    writeSummary: async (markdown) => {
      await core.summary.addRaw(markdown, true).write();
    },
  };
}
