import { describe, expect, it } from 'vitest';
import {
  chooseHubInterface,
  defaultRouteInterfaces,
  type NetworkInterfaces,
  type NetworkSnapshot,
} from './hubInterface.js';

const v4 = (address: string, internal = false) => ({ address, family: 'IPv4', internal });
const v6 = (address: string) => ({ address, family: 'IPv6', internal: false });

/** A venue laptop: Docker and a VPN come first in the kernel's list, Wi-Fi carries the route. */
const laptop: NetworkInterfaces = {
  lo: [v4('127.0.0.1', true)],
  docker0: [v4('172.17.0.1')],
  'br-3f2a9c': [v4('172.18.0.1')],
  tailscale0: [v4('100.101.102.103')],
  wg0: [v4('10.8.0.2')],
  eth0: [v6('fe80::1')],
  wlan0: [v6('fe80::2'), v4('192.168.1.20'), v4('192.168.1.21')],
};

const ROUTES_HEADER =
  'Iface\tDestination\tGateway \tFlags\tRefCnt\tUse\tMetric\tMask\t\tMTU\tWindow\tIRTT';

describe('defaultRouteInterfaces reads /proc/net/route', () => {
  it('lists the interfaces with an up default route, lowest metric first', () => {
    const table = [
      ROUTES_HEADER,
      'wlan0\t00000000\t0101A8C0\t0003\t0\t0\t600\t00000000\t0\t0\t0',
      'wlan0\t0001A8C0\t00000000\t0001\t0\t0\t600\t00FFFFFF\t0\t0\t0',
      'eth0\t00000000\t0100000A\t0003\t0\t0\t100\t00000000\t0\t0\t0',
      // Down (no RTF_UP): not a route anything uses.
      'wg0\t00000000\t00000000\t0000\t0\t0\t50\t00000000\t0\t0\t0',
      // A default destination with a mask is not the default route.
      'docker0\t00000000\t00000000\t0001\t0\t0\t0\t0000FFFF\t0\t0\t0',
    ].join('\n');
    expect(defaultRouteInterfaces(table)).toEqual(['eth0', 'wlan0']);
  });

  it('finds nothing in an empty, missing or garbled table', () => {
    expect(defaultRouteInterfaces('')).toEqual([]);
    expect(defaultRouteInterfaces(ROUTES_HEADER)).toEqual([]);
    expect(defaultRouteInterfaces(`${ROUTES_HEADER}\nnonsense\n\n\tzz\tyy`)).toEqual([]);
  });
});

describe('chooseHubInterface', () => {
  const network = (defaultRouteInterfaces: string[] = []): NetworkSnapshot => ({
    interfaces: laptop,
    defaultRouteInterfaces,
  });

  it('takes the interface with the default route, and its first IPv4 address', () => {
    expect(chooseHubInterface(network(['wlan0']))).toEqual({
      ok: true,
      name: 'wlan0',
      address: '192.168.1.20',
    });
  });

  it('never picks Docker, bridges, VPNs or tunnels, even when they carry the default route', () => {
    expect(chooseHubInterface(network(['tailscale0', 'wg0']))).toMatchObject({ name: 'wlan0' });
    // No default route (a venue router without internet): the first physical-looking interface.
    expect(chooseHubInterface(network())).toMatchObject({ name: 'wlan0' });
    for (const name of [
      'veth12ab',
      'virbr0',
      'vmnet8',
      'tun0',
      'tap0',
      'utun3',
      'zt5u4',
      'vboxnet0',
    ])
      expect(
        chooseHubInterface({
          interfaces: { [name]: [v4('10.9.9.9')] },
          defaultRouteInterfaces: [],
        }),
      ).toMatchObject({ ok: false });
  });

  it('skips a default-route interface without an IPv4 address', () => {
    expect(chooseHubInterface(network(['eth0', 'wlan0']))).toMatchObject({ name: 'wlan0' });
  });

  it("uses the organiser's interface, by name or by address, even a virtual one", () => {
    expect(chooseHubInterface(network(['wlan0']), { requested: 'wg0' })).toEqual({
      ok: true,
      name: 'wg0',
      address: '10.8.0.2',
    });
    expect(chooseHubInterface(network(), { requested: '192.168.1.21' })).toEqual({
      ok: true,
      name: 'wlan0',
      address: '192.168.1.21',
    });
  });

  it('explains an interface that does not exist or has no usable address', () => {
    const missing = chooseHubInterface(network(), { requested: 'wlan9' });
    expect(missing).toEqual({
      ok: false,
      reason: expect.stringContaining('no network interface "wlan9" (have: docker0'),
    });
    expect(chooseHubInterface(network(), { requested: 'eth0' })).toEqual({
      ok: false,
      reason: 'interface eth0 has no IPv4 address tablets could reach',
    });
    expect(chooseHubInterface(network(), { requested: 'lo' })).toMatchObject({ ok: false });
  });

  it('follows the address the hub listens on, and refuses loopback', () => {
    expect(chooseHubInterface(network(['wlan0']), { listenHost: '172.17.0.1' })).toEqual({
      ok: true,
      name: 'docker0',
      address: '172.17.0.1',
    });
    expect(chooseHubInterface(network(['wlan0']), { listenHost: '0.0.0.0' })).toMatchObject({
      name: 'wlan0',
    });
    expect(chooseHubInterface(network(), { listenHost: '10.99.0.1' })).toMatchObject({
      ok: false,
      reason: expect.stringContaining('10.99.0.1'),
    });
    for (const listenHost of ['127.0.0.1', 'localhost', '::1'])
      expect(chooseHubInterface(network(['wlan0']), { listenHost })).toEqual({
        ok: false,
        reason: `the hub listens on ${listenHost} only (this laptop)`,
      });
    expect(
      chooseHubInterface(network(), { listenHost: '192.168.1.20', requested: 'eth0' }),
    ).toMatchObject({ ok: false, reason: expect.stringContaining('not an address of eth0') });
  });

  it('says so when there is only loopback', () => {
    expect(
      chooseHubInterface({ interfaces: { lo: laptop.lo }, defaultRouteInterfaces: [] }),
    ).toEqual({
      ok: false,
      reason: 'no network interface with an IPv4 address (only loopback or virtual adapters)',
    });
  });
});
