// Safeguarding (alerts, the risk record, the safety plan): one lazily loaded chunk with its own
// stylesheet (a file, as the CSP requires).
import '../../styles/safeguarding.css';

export { AlertsPage } from './AlertsPage';
export { RiskRecordPage } from './RiskRecordPage';
export { SafetyPlanEditorPage } from './SafetyPlanEditorPage';
export { MySafetyPlanPage } from './MySafetyPlanPage';
export { SettingsPage } from './SettingsPage';
