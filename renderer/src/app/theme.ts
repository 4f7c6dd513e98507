import type { ThemeConfig } from 'antd';

// Big and calm (UX.md): Sarabun (bundled, no network), 16 px body, tall rows and controls, dark enough text.
export const fontFamily = "'Sarabun', Tahoma, sans-serif";

export const theme: ThemeConfig = {
  token: {
    fontFamily,
    fontSize: 16,
    fontSizeLG: 18,
    lineHeight: 1.6,
    controlHeight: 40,
    controlHeightLG: 48,
    controlHeightSM: 32,
    // white text on this blue passes WCAG AA (antd's default blue is a little light for it)
    colorPrimary: '#0b5cad',
    colorText: 'rgba(0, 0, 0, 0.9)',
    colorTextSecondary: 'rgba(0, 0, 0, 0.7)',
    colorTextDescription: 'rgba(0, 0, 0, 0.7)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.5)',
    borderRadius: 6,
  },
  components: {
    Menu: { itemHeight: 52, fontSize: 17 },
    Table: { cellPaddingBlock: 14 },
    Form: { itemMarginBottom: 20, verticalLabelPadding: '0 0 6px' },
    Steps: { titleLineHeight: 28 },
  },
};
