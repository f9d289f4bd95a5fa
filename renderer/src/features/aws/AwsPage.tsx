// The AWS page: the account bar, then ECS (clusters, services, tasks), ECR, or task
// definitions. Routes: #aws/ecs/<cluster>/<service>, #aws/ecr/<repository>, #aws/taskdefs/<family>.
import { navigate, useRoute } from '../../lib/route';
import { EcrView } from '../ecr/EcrView';
import { EcsView } from '../ecs/EcsView';
import { TaskDefinitions } from '../ecs/TaskDefinitions';
import { AccountBar } from './AccountBar';
import './aws.css';

const TABS = [
  { id: 'ecs', label: 'ECS' },
  { id: 'ecr', label: 'ECR' },
  { id: 'taskdefs', label: 'Task definitions' },
] as const;

export function AwsPage() {
  const [, tab = 'ecs', ...rest] = useRoute();
  return (
    <section className="page aws-page" aria-labelledby="aws-title">
      <header className="page-head">
        <h1 id="aws-title">AWS</h1>
        <div className="segmented" role="tablist" aria-label="AWS views">
          {TABS.map((t) => (
            <button key={t.id} role="tab" aria-selected={tab === t.id} className={tab === t.id ? 'on' : ''} onClick={() => navigate('aws', t.id)}>
              {t.label}
            </button>
          ))}
        </div>
      </header>
      <AccountBar />
      {tab === 'ecr' ? <EcrView repository={rest[0]} /> : tab === 'taskdefs' ? <TaskDefinitions family={rest[0]} /> : <EcsView cluster={rest[0]} service={rest[1]} />}
    </section>
  );
}
