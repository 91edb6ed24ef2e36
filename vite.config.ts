import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/**
 * The web app lives in src/web and is built into dist/web, which the server serves (with index.html
 * for every non-API path). In development `vite` proxies /api to a running server.
 */
export default defineConfig({
  root: 'src/web',
  plugins: [react()],
  build: {
    outDir: '../../dist/web',
    emptyOutDir: true,
    // antd alone is ~1 MB before gzip; the split below keeps each cacheable piece well apart.
    chunkSizeWarningLimit: 1200,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // echarts is only reached from lazily loaded pages, so its chunk loads on demand.
            { name: 'vendor-echarts', test: /node_modules[\\/](echarts|zrender|tslib)[\\/]/, priority: 40 },
            { name: 'vendor-react', test: /node_modules[\\/](react|react-dom|react-is|scheduler|react-router|cookie|set-cookie-parser)[\\/]/, priority: 30 },
            { name: 'vendor-antd', test: /node_modules[\\/](antd|@ant-design|@rc-component|rc-[^\\/]+|@emotion|stylis|classnames|clsx|throttle-debounce|scroll-into-view-if-needed|compute-scroll-into-view|json2mq|string-convert|toggle-selection|copy-to-clipboard|@babel[\\/]runtime)[\\/]/, priority: 20 },
            { name: 'vendor', test: /node_modules[\\/]/, priority: 10 },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: { '/api': { target: process.env.XINZHI_API ?? 'http://localhost:3000', changeOrigin: false } },
  },
});
