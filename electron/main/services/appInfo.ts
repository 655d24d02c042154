// Facts about the running app the renderer may show or use: the version, the platform, and the
// operating-system user name offered as the default coder name.
import { userInfo as osUserInfo } from 'node:os';
import type { AppInfo } from '../../../shared/ipc/contract';

export interface AppInfoDeps {
  version: string;
  platform?: string;
  userInfo?: () => { username: string };
}

const FALLBACK_USER_NAME = 'coder';

export function getAppInfo({ version, platform = process.platform, userInfo = osUserInfo }: AppInfoDeps): AppInfo {
  return { version, platform, userName: readUserName(userInfo) };
}

function readUserName(userInfo: () => { username: string }): string {
  try {
    // Throws when the account has no passwd entry (some containers and sandboxes).
    return userInfo().username.trim() || FALLBACK_USER_NAME;
  } catch {
    return FALLBACK_USER_NAME;
  }
}
