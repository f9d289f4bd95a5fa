// The pages of the sidebar, in order. A feature adds its page here and nowhere else.
import type { ReactNode } from 'react';
import { ContainersPage } from './features/containers/ContainersPage';
import { ImagesPage } from './features/images/ImagesPage';
import { NetworksPage } from './features/networks/NetworksPage';
import { RegistriesPage } from './features/registries/RegistriesPage';
import { VolumesPage } from './features/volumes/VolumesPage';

export interface PageDef {
  id: string;
  label: string;
  render(): ReactNode;
}

export const PAGES: PageDef[] = [
  { id: 'containers', label: 'Containers', render: () => <ContainersPage /> },
  { id: 'images', label: 'Images', render: () => <ImagesPage /> },
  { id: 'volumes', label: 'Volumes', render: () => <VolumesPage /> },
  { id: 'networks', label: 'Networks', render: () => <NetworksPage /> },
  { id: 'registries', label: 'Registries', render: () => <RegistriesPage /> },
];
