import type { DeviceInfo } from '@judgehub/model';
import { formatAgo } from '../shared/ConnectionBadge.js';

/**
 * The devices signed in as one judge (or screen): connected or when last seen, from where, and
 * how many values each says are still waiting to reach the hub.
 */
export function DeviceList({
  devices,
  hubNow,
  empty = 'No device has signed in with this link yet.',
}: {
  devices: DeviceInfo[];
  hubNow: number;
  empty?: string;
}) {
  if (devices.length === 0) return <p className="device-empty">{empty}</p>;
  return (
    <ul className="device-list">
      {devices.map((device) => (
        <li
          key={device.key}
          className={`device device-${tone(device)}`}
          data-testid="device"
          data-connected={device.connected}
        >
          <span className="device-dot" aria-hidden />
          <div className="device-main">
            <span className="device-state">{stateText(device, hubNow)}</span>
            <span className="device-meta">
              {[
                device.judgeId ? null : device.name,
                device.address.replace(/^::ffff:/, ''),
                device.appVersion && `app ${device.appVersion}`,
                device.deviceId && `device ${device.deviceId.slice(0, 8)}`,
              ]
                .filter(Boolean)
                .join(' · ')}
            </span>
          </div>
          <span className={`device-waiting${device.waiting ? ' device-waiting-some' : ''}`}>
            {waitingText(device)}
          </span>
        </li>
      ))}
    </ul>
  );
}

function tone(device: DeviceInfo): 'on' | 'off' | 'cut' {
  if (device.linkReplaced && !device.connected) return 'cut';
  return device.connected ? 'on' : 'off';
}

function stateText(device: DeviceInfo, hubNow: number): string {
  if (device.connected && device.connectedSince !== null)
    return `Connected since ${new Date(device.connectedSince).toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' })}`;
  const seen = `last seen ${formatAgo(hubNow - device.lastSeen)}`;
  return device.linkReplaced ? `Link replaced, cut off — ${seen}` : `Not connected — ${seen}`;
}

function waitingText(device: DeviceInfo): string {
  // Only JudgeHub's judge view reports a count; other screens hold no values of their own.
  if (device.waiting === null) return '';
  if (device.waiting === 0) return 'all saved on hub';
  const count = `${device.waiting} ${device.waiting === 1 ? 'value' : 'values'} waiting`;
  return device.connected ? count : `${count} when last seen`;
}
