import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import express from 'express';
import { AppModule } from './app.module';
import { PlatformBootstrap } from './identity/platform-bootstrap';
import type { AppConfig } from './config/app-config';
import { prepareDatabase, type DatabaseConnections } from './database/database-bootstrap';
import { JsonLogger } from './logging/json-logger';
import { requestLogging } from './logging/request-logging.middleware';
import { loadShedding } from './system/load-shedding';

export interface RunningServer {
  app: INestApplication;
  url: string;
  /** The platform administrator this start created, if it did (first start of an installation). */
  createdAdmin: { username: string; password: string } | undefined;
  connections: DatabaseConnections;
  close(): Promise<void>;
}

/** Serves the built web client, with client-side routes falling back to index.html. */
function serveWebClient(app: NestExpressApplication, webDist: string): boolean {
  const index = join(webDist, 'index.html');
  if (!existsSync(index)) return false;
  app.use(express.static(webDist, { index: false, maxAge: '1h' }));
  app.use((request: express.Request, response: express.Response, next: express.NextFunction) => {
    if (request.method !== 'GET' || request.path.startsWith('/graphql') || request.path.startsWith('/api/') || request.path === '/health') {
      next();
      return;
    }
    response.sendFile(index);
  });
  return true;
}

/** Database, migrations, Nest app, web client: everything `npm start` and the tests boot. */
export async function startServer(config: AppConfig, logger = new JsonLogger(config.logLevel)): Promise<RunningServer> {
  const log = (message: string): void => logger.log(message, 'bootstrap');
  const connections = await prepareDatabase(config, log);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, connections), {
    logger,
    bodyParser: false,
  });
  app.use(requestLogging);
  const shedding = loadShedding(config.loadShedding);
  app.use(shedding);
  app.use(express.json({ limit: '1mb' }));
  app.disable('x-powered-by');
  if (serveWebClient(app, config.webDist)) log(`serving the web client from ${config.webDist}`);
  await app.listen(config.port, config.host);
  const address = app.getHttpServer().address() as { port: number };
  const url = `http://127.0.0.1:${address.port}`;
  return {
    app,
    url,
    createdAdmin: app.get(PlatformBootstrap).createdAccount,
    connections,
    close: async () => {
      shedding.stop();
      await app.close();
      await connections.embedded?.stop();
    },
  };
}
