// The pages of the sidebar, in order. A feature adds its page here and nowhere else.
import type { ReactNode } from 'react';
import { ContainersPage } from './features/containers/ContainersPage';
import { PodsPage } from './features/pods/PodsPage';

export interface PageDef {
  id: string;
  label: string;
  render(): ReactNode;
}

export const PAGES: PageDef[] = [
  { id: 'containers', label: 'Containers', render: () => <ContainersPage /> },
  { id: 'pods', label: 'Pods', render: () => <PodsPage /> },
];
