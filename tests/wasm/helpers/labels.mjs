// Every area's labels registered, as the gallery's script has them: the
// tables tests check for matching keys and for labels the widgets use.
import { AREAS } from '../../../web/widgets/areas.mjs';
import { TABLES, registerLabels } from '../../../web/widgets/shared/i18n.mjs';

for (const { name } of AREAS) {
  const table = async (lang) => (await import(`../../../web/widgets/${name}/lang.${lang}.mjs`)).default;
  registerLabels({ en: await table('en'), zh: await table('zh') });
}

export { TABLES };
