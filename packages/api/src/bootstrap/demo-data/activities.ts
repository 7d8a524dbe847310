import type { ActivityInput, ActivityResourceType } from '@opsledger/domain';

import { demoKey, type DemoContext } from './demo-context';

interface Resource {
  type: ActivityResourceType;
  title: string;
  fields: readonly string[];
}

/** Resources of the Storefront site and the fields their editors change. */
const RESOURCES: readonly Resource[] = [
  {
    type: 'WEBSITE',
    title: 'Acme Storefront',
    fields: ['name', 'domain', 'favicon', 'theme.primaryColor', 'seo.description'],
  },
  {
    type: 'PAGES_DESIGN',
    title: 'Home page',
    fields: ['hero.title', 'hero.image', 'sections[1].blocks', 'footer.links', 'status'],
  },
  {
    type: 'PAGES_DESIGN',
    title: 'Pricing page',
    fields: ['plans[0].price', 'plans[1].features', 'faq', 'status'],
  },
  {
    type: 'NEWSLETTER_DESIGN',
    title: 'June product update',
    fields: ['subject', 'preheader', 'body.blocks', 'audience', 'status'],
  },
  { type: 'FEED_CONFIG', title: 'Blog feed', fields: ['source', 'itemsPerPage', 'filters.tags'] },
  {
    type: 'TRIGGER_CONFIG',
    title: 'Abandoned cart reminder',
    fields: ['delayMinutes', 'channel', 'template', 'enabled'],
  },
  {
    type: 'SEARCH_CONFIG',
    title: 'Site search',
    fields: ['synonyms', 'boosts.title', 'stopWords'],
  },
  {
    type: 'RECOM_DESIGN',
    title: 'Related products widget',
    fields: ['layout', 'maxItems', 'strategy'],
  },
];

const SESSION_EVENTS = ['open-editor', 'edit', 'preview', 'save-draft', 'publish'];

/**
 * Edit sessions on each resource: a sequence of changes minutes apart; the last change of a
 * sequence is its endpoint, and the ones that publish are keypoints.
 */
export async function seedActivities(ctx: DemoContext): Promise<number> {
  const { random } = ctx;
  const companyId = `acme-${random.hex(8)}`;
  const website = ctx.apps.at(-1) ?? ctx.random.pick(ctx.apps);
  const editors = ctx.people.filter((p) => p.role !== 'guest');
  const items: ActivityInput[] = [];

  for (const resource of RESOURCES) {
    const sourceId = random.uuid();
    const sessions = random.int(2, 5);
    for (let s = 0; s < sessions; s++) {
      const editor = random.pick(editors);
      const sessionId = random.uuid();
      const changes = random.int(2, 6);
      let at = ctx.time.onDay(random.int(0, 59));
      for (let c = 0; c < changes; c++) {
        const last = c === changes - 1;
        const fields = [random.pick(resource.fields)];
        if (random.chance(0.3)) fields.push(random.pick(resource.fields));
        const publishes = last && random.chance(0.6);
        items.push({
          sourceId,
          sequenceKey: `${sourceId}:${sessionId.slice(0, 8)}`,
          websiteUuid: website.uuid,
          companyId,
          keypoint: publishes,
          endpoint: last,
          changedFields: [...new Set(publishes ? [...fields, 'status'] : fields)],
          resourceTitle: resource.title,
          resourceType: resource.type,
          auditLogSession: {
            sessionId,
            authenticatedEntityName: editor.fullName,
            sessionEvents: SESSION_EVENTS.slice(0, publishes ? 5 : random.int(2, 4)),
          },
          occurredAt: at.toISOString(),
          idempotencyKey: demoKey('activity', items.length),
        });
        at = ctx.time.after(at, random.int(1, 12));
      }
    }
  }
  const result = await ctx.api.activities.recordBatch({ items });
  return result.inserted;
}
