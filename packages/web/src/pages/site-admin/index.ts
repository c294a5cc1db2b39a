// Editing the practice's public side: the admin's pages, contact details and publishing, and each
// therapist's own profile. One lazily loaded chunk (with the public pages' stylesheet for previews).
import '../../styles/site.css';
import '../../styles/site-admin.css';

export { PublicSiteAdminPage } from './PublicSiteAdminPage';
export { EditPublicPage } from './EditPublicPage';
export { MyProfilePage } from './MyProfilePage';
