import { describe, expect, it } from 'vitest';
import { venueUrl } from './venueUrl.js';

const request = (host?: string) => ({ headers: host === undefined ? {} : { host } });

describe('the hub address in links and QR codes', () => {
  it('uses the venue-network address when listening everywhere, whatever the browser used', () => {
    expect(venueUrl('0.0.0.0', 7420, request('localhost:7420'), () => '192.168.1.20')).toEqual({
      url: 'http://192.168.1.20:7420',
      onVenueNetwork: true,
    });
  });

  it('uses the one address the hub listens on', () => {
    expect(venueUrl('10.0.0.2', 7420, request('x'), () => null).url).toBe('http://10.0.0.2:7420');
  });

  it('falls back to the address the organiser used, marked as not on the venue network', () => {
    expect(venueUrl('127.0.0.1', 5000, request('127.0.0.1:5000'))).toEqual({
      url: 'http://127.0.0.1:5000',
      onVenueNetwork: false,
    });
    expect(venueUrl('0.0.0.0', 5000, request('laptop.local:5000'), () => null).url).toBe(
      'http://laptop.local:5000',
    );
    // A Host header that is not a plain host[:port] is never put into a link.
    expect(venueUrl('127.0.0.1', 5000, request('evil.example/x?y=<script>')).url).toBe(
      'http://127.0.0.1:5000',
    );
    expect(venueUrl('127.0.0.1', 5000, request()).url).toBe('http://127.0.0.1:5000');
  });
});
