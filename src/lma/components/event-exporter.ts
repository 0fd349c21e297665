import { CHARTS } from './versions';
import { ImageValueType } from '../../addons/addon';
import { HelmAddon } from '../../addons/helm-addon';
import { LmaModel, RELEASE } from '../private/model';

/**
 * Kubernetes event export (Bitnami chart `kubernetes-event-exporter` 2.15.2, exporter 1.6):
 * every event is written as one JSON line to the exporter's stdout, which fluent-bit collects
 * like any container log — so events reach the same logs backend with the same cluster label.
 *
 * Keys (chart 2.15.2 values.yaml): `global.imageRegistry`, `config.{logLevel, logFormat,
 * receivers[].file.path, route.routes[].match[].receiver}`.
 */
export function eventExporter(model: LmaModel): HelmAddon {
  return new HelmAddon({
    name: RELEASE.events,
    ...CHARTS.eventExporter,
    namespace: model.namespace,
    values: {
      config: {
        logLevel: 'error',
        logFormat: 'json',
        receivers: [{ name: 'stdout', file: { path: '/dev/stdout' } }],
        route: { routes: [{ match: [{ receiver: 'stdout' }] }] },
      },
    },
    install: { wait: true },
    images: [{ path: 'global.imageRegistry', type: ImageValueType.REGISTRY }],
  });
}
