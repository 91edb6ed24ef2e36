import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App as AntdApp } from 'antd';
import { RouterProvider } from 'react-router';
import { isApiError } from './api';
import { I18nProvider } from './i18n';
import { router } from './router';
import { SessionProvider } from './session';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      refetchOnWindowFocus: false,
      // A 4xx will not get better by asking again; network blips and 5xx get one more try.
      retry: (count, err) => count < 1 && (!isApiError(err) || err.status === 0 || err.status >= 500),
    },
  },
});

export function App() {
  return (
    <I18nProvider>
      <AntdApp>
        <QueryClientProvider client={queryClient}>
          <SessionProvider>
            <RouterProvider router={router} />
          </SessionProvider>
        </QueryClientProvider>
      </AntdApp>
    </I18nProvider>
  );
}
