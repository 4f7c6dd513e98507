// The sandboxed renderer's one bridge: api.call plus progress events (and cancel for long work).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { ProgressReport } from '../api/router';

contextBridge.exposeInMainWorld('tambonDesk', {
  call: (method: string, input: unknown, callId: string) => ipcRenderer.invoke('api:call', method, input, callId),
  cancel: (callId: string) => ipcRenderer.send('api:cancel', callId),
  onProgress: (listener: (callId: string, report: ProgressReport) => void) => {
    const forward = (_event: IpcRendererEvent, callId: string, report: ProgressReport) => listener(callId, report);
    ipcRenderer.on('api:progress', forward);
    return () => ipcRenderer.removeListener('api:progress', forward);
  },
});
