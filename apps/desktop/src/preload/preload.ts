// The start window's preload (sandboxed, so CommonJS and only `electron` may be required).
// It exposes exactly one object; everything else stays in the isolated world.
import { contextBridge, ipcRenderer } from 'electron';
import { API_GLOBAL } from '../shared/contract.js';
import { createDesktopApi } from './createDesktopApi.js';

contextBridge.exposeInMainWorld(API_GLOBAL, createDesktopApi(ipcRenderer));
