import { createContext, useContext } from 'react';
import { standaloneHost, type HostInfo } from './teamsHost';

export const HostContext = createContext<HostInfo>(standaloneHost);

export function useHost(): HostInfo {
  return useContext(HostContext);
}
