import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { resolveUiFile, UI_CSP } from './uiFiles.js';

const root = path.resolve('/app/dist/renderer');

describe('serving the start page', () => {
  test('files under the renderer root, with their content type; / is index.html', () => {
    expect(resolveUiFile(root, 'judgehub-app://ui/')).toEqual({
      path: path.join(root, 'index.html'),
      contentType: 'text/html; charset=utf-8',
    });
    expect(resolveUiFile(root, 'judgehub-app://ui/assets/index-C8H3.js')).toEqual({
      path: path.join(root, 'assets', 'index-C8H3.js'),
      contentType: 'text/javascript; charset=utf-8',
    });
  });

  test('nothing outside the root, however the path is spelled', () => {
    const tricky = [
      'judgehub-app://ui/../../etc/x.js',
      'judgehub-app://ui/%2e%2e/%2e%2e/etc/x.js',
      'judgehub-app://ui/assets/%2e%2e%2f%2e%2e%2f%2e%2e%2fhub%2fhubEntry.js',
      'judgehub-app://ui/..%5c..%5cmain.js',
      'judgehub-app://ui/%00.html',
      'judgehub-app://ui/%E0%A4%A.js',
      'judgehub-app://ui//etc/x.js',
    ];
    for (const url of tricky) {
      const file = resolveUiFile(root, url);
      if (file) expect(path.relative(root, file.path), url).not.toMatch(/^\.\.|^\//);
    }
    // Backslashes, NUL and undecodable paths are refused outright.
    expect(resolveUiFile(root, tricky[3]!)).toBeNull();
    expect(resolveUiFile(root, tricky[4]!)).toBeNull();
    expect(resolveUiFile(root, tricky[5]!)).toBeNull();
  });

  test('another host or scheme, or a kind of file the page never loads: nothing', () => {
    expect(resolveUiFile(root, 'judgehub-app://other/index.html')).toBeNull();
    expect(resolveUiFile(root, 'file:///app/dist/renderer/index.html')).toBeNull();
    expect(resolveUiFile(root, 'judgehub-app://ui/assets/index.js.map')).toBeNull();
  });

  test('the policy allows our own files only and no network', () => {
    expect(UI_CSP).toContain("default-src 'none'");
    expect(UI_CSP).toContain("script-src 'self'");
    expect(UI_CSP).toContain("connect-src 'none'");
    expect(UI_CSP).not.toContain('unsafe');
  });
});
