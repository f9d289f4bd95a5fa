// The pages of the sidebar, in order. A feature adds its page here and nowhere else.
import type { ReactNode } from 'react';
import { AwsPage } from './features/aws/AwsPage';
import { ContainersPage } from './features/containers/ContainersPage';
import { EnginesPage } from './features/engines/EnginesPage';
import { EventsPage } from './features/events/EventsPage';
import { PodsPage } from './features/pods/PodsPage';
import { SettingsPage } from './features/settings/SettingsPage';

export interface PageDef {
  id: string;
  label: string;
  render(): ReactNode;
}

export const PAGES: PageDef[] = [
  { id: 'containers', label: 'Containers', render: () => <ContainersPage /> },
  { id: 'pods', label: 'Pods', render: () => <PodsPage /> },
  { id: 'aws', label: 'AWS', render: () => <AwsPage /> },
  { id: 'engines', label: 'Engines', render: () => <EnginesPage /> },
  { id: 'events', label: 'Events', render: () => <EventsPage /> },
  { id: 'settings', label: 'Settings', render: () => <SettingsPage /> },
];
