// Sample data for previews and the document tests, from the project's deterministic sample tambon
// (main/sample): the same seed always gives the same names, so golden images stay stable.
import { generateSampleTambon, type SampleTambon } from '../../sample/sample-tambon';
import type { OfficeProfile } from '../blocks';

export const SAMPLE_SEED = 2551;

let memo: SampleTambon | null = null;

export function sampleTambon(): SampleTambon {
  memo ??= generateSampleTambon({ size: 'small', seed: SAMPLE_SEED });
  return memo;
}

let largeMemo: SampleTambon | null = null;

/** The large sample tambon (20,000 people in 20 villages), for previews of batch printing. */
export function largeSampleTambon(): SampleTambon {
  largeMemo ??= generateSampleTambon({ size: 'large', seed: SAMPLE_SEED });
  return largeMemo;
}

export function sampleOffice(): OfficeProfile {
  const { office } = sampleTambon();
  return { ...office, logo: office.logo ?? null, thaiDigits: office.thaiDigits ?? false };
}

/** A small square emblem (PNG data URL) for previews of the letterhead: a grey ring around a disc, drawn for this file. */
export const SAMPLE_LOGO =
  'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAADAAAAAwCAYAAABXAvmHAAACS0lEQVR4AdXB0W3rWBBEwTPEptUBTUQTUAfW6w9/EMQVScuSH1RVSfhk//FCksINtosXqST8hqTwC7aLX6gkPENSeCHbxRMqCT8hKbyR7eIHKgl3SAo32C5OSAo32C5uqCRckRRO2C6eICmcsF1cqCSckRQesF28gKTwgO3iRCXhEUlhwXbxBpLCgu3igUrCiqSwYLs4MTPhRHcXJySFBdvFQiXhSFJYsF0szEx4QncXC5LCgu3iYOMm28XCzIQnzUxYsF3cVEnYkxQObBcHMxNeqLuLA0nhwHaxs3HBdnEwM+HFZiYc2C4ubOxIChdmJrzJzIQLksLOxgnbxT9muzix8U1SuDAz4c1mJlyQFL5tPGC72JmZ8EdmJuzYLh7Y+HAbXySFDyMpfNlYsF3szEz4YzMTdmwXCxsfbuPDbXy4jQ+38eE2PtzGh9tYkBR2urv4Y91d7EgKCxtfbBcfxnbxZePDbTwgKex0d/FHurvYkRQe2Phmu7jQ3cWbdXdxwXbxbeOEpPCPSQonNnZsFxe6u3iT7i4u2C52Ni5ICgfdXbxYdxcHksKFSsKRpHBgu1iYmfAL3V0sSAoHtouDjZskhYXuLp7U3cWCpHBTJWFFUliwXZyYmXCiu4sTksKC7WKhkvCIpLBgu3gDSWHBdvFAJeGMpPCA7eIFJIUHbBcnKglXJIUTtosnSAonbBcXKgl3SAo32C5OSAo32C5uqCT8hKTwRraLH6gkPENSeCHbxRMqCb8hKfyC7eIXKgmvIincYLt4kUrCJ/sfRdVOGqdaMwIAAAAASUVORK5CYII=';
