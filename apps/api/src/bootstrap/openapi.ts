import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { forwardAuthOpenApi } from '../forward-auth/forward-auth.openapi.js';
import { otpOpenApi } from '../otp/otp.openapi.js';
import { profitOpenApi } from '../profit/profit.openapi.js';
import { verifyOpenApi } from '../verify/verify.openapi.js';

/** OpenAPI from the controllers and their zod schemas (plus the plain Fastify verify, forward-auth and Profit-surface routes): UI at /docs, JSON at /docs-json. */
export function setupOpenApi(app: NestFastifyApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('app-connectors')
      .setDescription(
        'Manage app connectors (the integrations external applications use to exchange data with a business system). ' +
          'Admin API under /api/v1: send `Authorization: Bearer <admin key>`. Errors are application/problem+json.',
      )
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'admin API key' }, 'admin')
      .build(),
  );
  SwaggerModule.setup('docs', app, profitOpenApi(otpOpenApi(forwardAuthOpenApi(verifyOpenApi(document)))), { jsonDocumentUrl: 'docs-json' });
}
