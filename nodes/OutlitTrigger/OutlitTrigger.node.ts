import type { IDataObject, INodeExecutionData, INodeType, INodeTypeDescription, IPollFunctions } from 'n8n-workflow';
import { NodeConnectionTypes } from 'n8n-workflow';

import { PROVIDERS, findProvider, providerOptions } from '../Outlit/catalog/providers';
import { providerIdOf, shownValue } from '../Outlit/shared/params';
import { createOutlitClient, parameterError } from '../Outlit/transport';
import {
	currentFailures,
	decide,
	fromReadiness,
	normalizeState,
	providersNeedingDetails,
	type ObservedIntegration,
	type SyncDetails,
} from './decide';
import { observe, parsed } from './observe';
import { parseSyncStatus } from './validate';

/**
 * The Providers filter as IDs, read as the node reads Provider: a name in any case, an alias or
 * surrounding spaces give the provider's ID (an expression may give them); anything that can be no
 * provider ID, or looks like a key, is refused rather than silently watching nothing.
 */
function watchedProviders(ctx: IPollFunctions): string[] {
	const raw = ctx.getNodeParameter('providers', []) as unknown;
	return (Array.isArray(raw) ? raw : [raw]).map((value) => {
		const id = providerIdOf(value);
		if (id !== undefined) return id;
		const ids = PROVIDERS.map((p) => p.id).join(', ');
		throw parameterError(
			ctx.getNode(),
			`Parameter "Providers" has ${shownValue(value) ?? 'an empty entry'}, which is not an Outlit provider ID: pick the integrations from its list, or leave it empty to watch all of them. The IDs: ${ids}.`,
			'An expression in Providers must give a list of provider IDs, for example ["stripe", "hubspot"].',
		);
	});
}

/** What a manual run shows when nothing is happening, so the editor has the item shape to map. */
function sampleItem(events: string[], providers: string[], now: string): IDataObject {
	const provider = findProvider(providers[0]) ?? PROVIDERS[0];
	return {
		event: events[0] ?? 'syncFailed',
		provider: provider.id,
		name: provider.name,
		category: provider.category,
		model: null,
		status: 'FAILED',
		errorMessage: 'Sample data: no watched integration is failing right now. Real items have this shape.',
		lastSyncedAt: null,
		detectedAt: now,
		failureId: 'sample',
		sample: true,
	};
}

export class OutlitTrigger implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Outlit Trigger',
		name: 'outlitTrigger',
		icon: { light: 'file:../Outlit/outlit.svg', dark: 'file:../Outlit/outlit.dark.svg' },
		group: ['trigger'],
		version: 1,
		// Names, not IDs; a literal for the lint, kept equal to the catalog by the tests.
		subtitle:
			'={{ ($parameter["providers"] || []).length ? $parameter["providers"].map((p) => ({"salesforce":"Salesforce","hubspot":"HubSpot","attio":"Attio","slack":"Slack","google-calendar":"Google Calendar","google-mail":"Gmail","granola":"Granola","gong":"Gong","fireflies":"Fireflies.ai","pylon":"Pylon","stripe":"Stripe","mixpanel":"Mixpanel","posthog":"PostHog","supabase":"Supabase Auth","clerk":"Clerk"}[p] || p)).join(", ") : "All Integrations" }}',
		description: 'Starts the workflow when an Outlit integration sync fails or recovers, or an integration is connected or disconnected',
		defaults: { name: 'Outlit Trigger' },
		polling: true,
		inputs: [],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'outlitApi', required: true }],
		properties: [
			{
				// "Trigger On" (n8n's trigger convention), stored as `events`.
				displayName: 'Trigger On',
				name: 'events',
				type: 'multiOptions',
				required: true,
				options: [
					{
						name: 'Sync Failed',
						value: 'syncFailed',
						description: 'An integration or one of its models starts failing, or its error changes',
					},
					{
						name: 'Sync Recovered',
						value: 'syncRecovered',
						description: 'A failure seen earlier is gone',
					},
					{
						name: 'Integration Connected',
						value: 'integrationConnected',
						description:
							'An integration becomes connected, e.g. after the customer finishes a browser connection: the onboarding workflow goes on from here',
					},
					{
						name: 'Integration Disconnected',
						value: 'integrationDisconnected',
						description: 'An integration stops being connected',
					},
				],
				default: ['syncFailed'],
			},
			{
				displayName: 'Providers',
				name: 'providers',
				type: 'multiOptions',
				options: providerOptions(),
				default: [],
				description: 'Integrations to watch. Leave empty to watch all of them.',
			},
			{
				displayName: 'Options',
				name: 'options',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Fire on Existing Failures',
						name: 'fireOnExistingFailures',
						type: 'boolean',
						default: false,
						description:
							"Whether failures that already exist when the trigger is activated (or when a provider is added to 'Providers') fire too. Off: only failures that start later fire.",
					},
				],
			},
		],
	};

	async poll(this: IPollFunctions): Promise<INodeExecutionData[][] | null> {
		const events = this.getNodeParameter('events', []) as string[];
		const providers = watchedProviders(this);
		const options = this.getNodeParameter('options', {}) as { fireOnExistingFailures?: boolean };
		const manual = this.getMode() === 'manual';
		const now = new Date().toISOString();
		// A manual run computes from scratch and never touches the stored state.
		const staticData = manual ? undefined : this.getWorkflowStaticData('node');
		const stored = normalizeState(staticData);

		const client = createOutlitClient(this);
		const { observation, restCheckedAt } = await observe(this, client, stored, Date.parse(now));
		const integrations: ObservedIntegration[] =
			observation.contract === 'rest' ? observation.integrations : observation.integrations.map(fromReadiness);
		const details: Record<string, SyncDetails> = {};
		// One at a time, sparing the rate limit. Readiness has no per-model detail: a gateway failure is the integration's.
		for (const provider of providersNeedingDetails(staticData, integrations, { providers })) {
			if (observation.contract === 'tools') {
				details[provider] = { syncs: [] };
				continue;
			}
			const body = await client.restSyncDetail({ id: provider, name: provider });
			details[provider] = parsed(this, () => parseSyncStatus(body, provider));
		}

		if (manual) {
			const items = currentFailures(integrations, details, { providers, now });
			const json = items.length ? items : [sampleItem(events, providers, now)];
			return [this.helpers.returnJsonArray(json as unknown as IDataObject[])];
		}

		const decision = decide(staticData, integrations, details, {
			events,
			providers,
			fireOnExistingFailures: options.fireOnExistingFailures === true,
			now,
			contract: observation.contract,
			restCheckedAt,
		});
		// Written once every request has succeeded, and only when changed (a quiet poll costs no database write).
		const target = staticData as IDataObject;
		const before = JSON.stringify(Object.keys(decision.state).map((key) => target[key]));
		if (before !== JSON.stringify(Object.values(decision.state))) {
			// Replaced whole: a key the new state no longer has (e.g. restCheckedAt) must not linger.
			for (const key of Object.keys(target)) delete target[key];
			Object.assign(target, decision.state);
		}
		const items = decision.events as unknown as IDataObject[];
		return items.length ? [this.helpers.returnJsonArray(items)] : null;
	}
}
