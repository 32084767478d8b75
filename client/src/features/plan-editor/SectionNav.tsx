import { t } from '../../i18n/zh-CN';

/** The long form's blocks, each a button that scrolls to it (keyboard-reachable; the URL hash is the route). */
export function SectionNav({ sections }: { sections: [id: string, label: string][] }) {
  return (
    <nav className="section-nav" aria-label={t.planning.sectionNav}>
      {sections.map(([id, label]) => (
        <button key={id} type="button" data-section-link={id} onClick={() => document.getElementById(id)?.scrollIntoView({ behavior: 'smooth', block: 'start' })}>
          {label}
        </button>
      ))}
    </nav>
  );
}
