import { describe, expect, it } from 'vitest';
import { getAppInfo } from '../../../../electron/main/services/appInfo';

describe('getAppInfo', () => {
  it('reports the version, platform and operating-system user', () => {
    expect(getAppInfo({ version: '1.2.3', platform: 'linux', userInfo: () => ({ username: 'ada' }) })).toEqual({
      version: '1.2.3',
      platform: 'linux',
      userName: 'ada',
    });
  });

  it('falls back to "coder" when the user cannot be looked up', () => {
    const userInfo = () => {
      throw new Error('ENOENT: no such file or directory, uv_os_get_passwd');
    };
    expect(getAppInfo({ version: '1.0.0', userInfo }).userName).toBe('coder');
  });

  it('falls back to "coder" when the user name is blank', () => {
    expect(getAppInfo({ version: '1.0.0', userInfo: () => ({ username: '  ' }) }).userName).toBe('coder');
  });

  it('uses this machine by default', () => {
    const info = getAppInfo({ version: '1.0.0' });
    expect(info.platform).toBe(process.platform);
    expect(info.userName.length).toBeGreaterThan(0);
  });
});
