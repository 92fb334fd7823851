import {
  chooseHubInterface,
  readNetwork,
  type InterfaceChoice,
  type InterfaceRequest,
} from './hubInterface.js';

export interface InterfaceWatch {
  /** The choice now. */
  current(): InterfaceChoice;
  stop(): void;
}

/**
 * Re-chooses the interface every `intervalMs` and calls `onChange` when the choice changes: the
 * laptop joined another Wi-Fi, got a new DHCP lease, or its cable was pulled. Polling, because
 * Node has no portable event for address changes and a few seconds' delay is fine here.
 */
export function watchInterface(
  request: InterfaceRequest,
  intervalMs: number,
  onChange: (choice: InterfaceChoice) => void,
): InterfaceWatch {
  let current = chooseHubInterface(readNetwork(), request);
  const timer = setInterval(() => {
    const next = chooseHubInterface(readNetwork(), request);
    if (sameChoice(current, next)) return;
    current = next;
    onChange(next);
  }, intervalMs);
  // The hub's server keeps a hub alive; discovery alone must not keep a process running.
  timer.unref();
  return { current: () => current, stop: () => clearInterval(timer) };
}

export function sameChoice(a: InterfaceChoice, b: InterfaceChoice): boolean {
  if (a.ok && b.ok) return a.name === b.name && a.address === b.address;
  if (!a.ok && !b.ok) return a.reason === b.reason;
  return false;
}
