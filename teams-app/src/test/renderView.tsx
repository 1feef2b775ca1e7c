import type { ReactElement } from 'react';
import { vi } from 'vitest';
import { render } from '@testing-library/react';
import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { ApiContext } from '../api/ApiContext';
import { ApiClient } from '../api/client';
import { LocalAuthContext } from '../app/LocalAuthContext';
import { LocalAuthProvider } from '../auth/localAuthProvider';
import { HostContext } from '../host/HostContext';
import { standaloneHost, type HostInfo } from '../host/teamsHost';

export const TEST_TOKEN = 'test-token';

/** Renders one view with the providers the shell would give it, signed in with TEST_TOKEN. */
export function renderView(ui: ReactElement, host: HostInfo = standaloneHost) {
  const auth = new LocalAuthProvider();
  auth.store(TEST_TOKEN, 3600);
  const onAuthRequired = vi.fn();
  const api = new ApiClient(auth, onAuthRequired);
  const result = render(
    <FluentProvider theme={teamsLightTheme}>
      <HostContext.Provider value={host}>
        <LocalAuthContext.Provider value={auth}>
          <ApiContext.Provider value={api}>{ui}</ApiContext.Provider>
        </LocalAuthContext.Provider>
      </HostContext.Provider>
    </FluentProvider>,
  );
  return { ...result, onAuthRequired };
}
