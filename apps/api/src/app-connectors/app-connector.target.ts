import { Param } from '@nestjs/common';
import { environmentIdParam, resourceIdParam } from '../http/admin-api.decorators.js';

/** Route parameters naming one connector: /environments/{environmentId}/app-connectors/{appConnectorId}. */
export const EnvironmentId = () => Param('environmentId', { schema: environmentIdParam });
export const AppConnectorId = () => Param('appConnectorId', { schema: resourceIdParam });
export const CONNECTOR_PATH = 'environments/:environmentId/app-connectors';
