// The pages of the sidebar, in order. A feature adds its page here and nowhere else.
import type { ReactNode } from 'react';
import { AwsPage } from './features/aws/AwsPage';
import { ContainersPage } from './features/containers/ContainersPage';
import { EnginesPage } from './features/engines/EnginesPage';
import { EventsPage } from './features/events/EventsPage';
import { ImagesPage } from './features/images/ImagesPage';
import { NetworksPage } from './features/networks/NetworksPage';
import { PodsPage } from './features/pods/PodsPage';
import { RegistriesPage } from './features/registries/RegistriesPage';
import { SettingsPage } from './features/settings/SettingsPage';
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
  { id: 'pods', label: 'Pods', render: () => <PodsPage /> },
  { id: 'registries', label: 'Registries', render: () => <RegistriesPage /> },
  { id: 'aws', label: 'AWS', render: () => <AwsPage /> },
  { id: 'engines', label: 'Engines', render: () => <EnginesPage /> },
  { id: 'events', label: 'Events', render: () => <EventsPage /> },
  { id: 'settings', label: 'Settings', render: () => <SettingsPage /> },
];
