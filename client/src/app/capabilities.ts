import { createContext, useContext } from 'react';

/** What the server offers; `reading` = the value-reading API of issue 4 (gaps, roll-ups, checks). */
export interface Capabilities {
  reading: boolean;
}
export const CapabilitiesContext = createContext<Capabilities>({ reading: false });
export const useCapabilities = (): Capabilities => useContext(CapabilitiesContext);
