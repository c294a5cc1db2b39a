// The client's questionnaires (issue 6, part 3): one lazily loaded chunk, so staff never download it.
import '../../styles/measures.css';
import '../../styles/questionnaires.css';

export { MyQuestionnairesPage } from './MyQuestionnairesPage';
export { CompleteQuestionnairePage } from './CompleteQuestionnairePage';
