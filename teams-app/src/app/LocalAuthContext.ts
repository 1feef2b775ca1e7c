import { createContext, useContext } from 'react';
import type { LocalAuthProvider } from '../auth/localAuthProvider';

/** The local sign-in store, or null when the server is in Entra mode. */
export const LocalAuthContext = createContext<LocalAuthProvider | null>(null);

export function useLocalAuth(): LocalAuthProvider | null {
  return useContext(LocalAuthContext);
}
