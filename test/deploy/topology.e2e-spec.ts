import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { storeSettings } from '#config';
import { CONFIG_VARIABLES, loadConfig } from '../../apps/api/src/config/app-config.js';
import { lineage, parseDockerfile } from './dockerfile.js';

interface Service {
  image?: string;
  build?: { context: string; dockerfile: string };
  command?: string[];
  environment?: Record<string, string>;
  depends_on?: Record<string, { condition: string }>;
  healthcheck?: { test: string[] };
}

const compose = parse(readFileSync('docker/compose.yml', 'utf8'), { merge: true }) as { services: Record<string, Service> };
const services = compose.services;
const SERVERS = ['eventstoredb', 'mongodb'];
const API_INSTANCES = ['api-1', 'api-2'];
const APPS = [...API_INSTANCES, 'projector'];
// Set by the projector split; checked against the service's settings once apps/projector is there.
const PROJECTOR_SPLIT_SETTINGS = existsSync('apps/projector') ? [] : ['PROJECTIONS'];

/** `${NAME:-default}` as compose reads it with NAME unset. */
const interpolated = (environment: Record<string, string> = {}) =>
  Object.fromEntries(Object.entries(environment).map(([name, value]) => [name, String(value).replace(/\$\{[A-Z_]+:-([^}]*)\}/g, '$1')]));

describe('docker/compose.yml: the production topology', () => {
  it('has the two servers, two API instances and the projector', () => {
    expect(Object.keys(services).sort()).toEqual([...SERVERS, ...APPS].sort());
  });

  it.each(SERVERS)('%s has a health check', (name) => {
    expect(services[name]!.healthcheck?.test.length).toBeGreaterThan(1);
  });

  it.each(APPS)('%s waits for healthy servers and runs the image of docker/Dockerfile', (name) => {
    const service = services[name]!;
    for (const server of SERVERS) expect(service.depends_on?.[server]).toEqual({ condition: 'service_healthy' });
    expect(service.build).toEqual({ context: '..', dockerfile: 'docker/Dockerfile' });
  });

  it('initiates the replica set with a host name the other containers resolve, which the apps connect to', () => {
    const check = services['mongodb']!.healthcheck!.test.join(' ');
    const hosts = [...check.matchAll(/host:\s*'([^']+)'/g)].map((match) => match[1]);
    expect(hosts).toEqual(['mongodb:27017']);
    expect(check).not.toMatch(/127\.0\.0\.1|localhost/);
    for (const name of APPS) {
      const environment = interpolated(services[name]!.environment);
      expect(new URL(environment['MONGODB_URL']!).host).toBe('mongodb:27017');
      expect(new URL(environment['MONGODB_URL']!).searchParams.get('replicaSet')).toBe('rs0');
      expect(new URL(environment['EVENTSTOREDB_URL']!).host).toBe('eventstoredb:2113');
    }
  });

  it.each(API_INSTANCES)('%s names only settings the service reads, and they make a valid server-stack configuration', (name) => {
    const environment = interpolated(services[name]!.environment);
    const known = new Set([...Object.keys(CONFIG_VARIABLES), ...PROJECTOR_SPLIT_SETTINGS]);
    expect(Object.keys(environment).filter((variable) => !known.has(variable))).toEqual([]);
    expect(environment['PROJECTIONS']).toBe('off');
    expect(services[name]!.command).toEqual(['node', '--max-semi-space-size=8', '--heap-growing-percent=15', 'dist/apps/api/src/main.js']);
    const config = loadConfig(environment);
    expect(config).toMatchObject({ host: '0.0.0.0', port: 3000, dataDir: '/data', eventStore: { kind: 'eventstoredb' }, readStore: { kind: 'mongodb' } });
  });

  it('runs the projector from the same image with its own command, on store settings only', () => {
    const projector = services['projector']!;
    expect(projector.image).toBe(services['api-1']!.image);
    expect(projector.command).toContain('dist/apps/projector/src/main.js');
    expect(existsSync('dist/apps/projector/src/main.js')).toBe(true);
    const known = new Set([...Object.keys(storeSettings), 'LOG_LEVEL']);
    expect(Object.keys(projector.environment ?? {}).filter((variable) => !known.has(variable))).toEqual([]);
  });
});

describe('docker/Dockerfile', () => {
  const stages = parseDockerfile(readFileSync('docker/Dockerfile', 'utf8'));
  const runtime = stages.at(-1)!;
  const npmInstalls = (name: string) =>
    lineage(stages, name)
      .flatMap((stage) => stage.instructions)
      .filter((instruction) => instruction.keyword === 'RUN' && /\bnpm (ci|install|i)\b/.test(instruction.args));

  it('builds in stages from one base image, the last one the runtime', () => {
    expect(stages.map((stage) => stage.name)).toEqual(['deps', 'build', 'runtime']);
    const bases = new Set(stages.filter((stage) => !stages.some((other) => other.name === stage.from)).map((stage) => stage.from));
    expect([...bases]).toEqual(['${NODE_IMAGE}']);
    expect(npmInstalls('build').some((instruction) => !instruction.args.includes('--omit=dev'))).toBe(true);
    expect(lineage(stages, 'build').flatMap((stage) => stage.instructions).map((instruction) => instruction.args)).toContain('npm run build');
  });

  it('gives the runtime production dependencies only, and none of the build tools', () => {
    const copies = runtime.instructions.filter((instruction) => instruction.keyword === 'COPY');
    const nodeModules = copies.filter((instruction) => /node_modules/.test(instruction.args));
    expect(nodeModules).toHaveLength(1);
    const source = /--from=(\S+)/.exec(nodeModules[0]!.args)![1]!;
    const installs = npmInstalls(source);
    expect(installs.length).toBeGreaterThan(0);
    for (const install of installs) expect(install.args).toContain('--omit=dev');
    expect(runtime.instructions.filter((instruction) => instruction.keyword === 'RUN').map((instruction) => instruction.args).join(' ')).not.toMatch(/npm|apt-get/);
  });

  it('runs the built service as a non-root user with the data folder as a volume', () => {
    const value = (keyword: string) => runtime.instructions.filter((instruction) => instruction.keyword === keyword).map((instruction) => instruction.args);
    expect(value('USER')).toEqual(['node']);
    expect(value('VOLUME')).toEqual(['["/data"]']);
    expect(value('ENV').join(' ')).toContain('DATA_DIR=/data');
    expect(JSON.parse(value('CMD')[0]!)).toEqual(['node', '--max-semi-space-size=32', 'dist/apps/api/src/main.js']);
    expect(existsSync('dist/apps/api/src/main.js')).toBe(true);
  });

  it('leaves local builds, data and dependencies out of the build context', () => {
    const ignored = readFileSync('.dockerignore', 'utf8').split('\n').map((line) => line.trim());
    for (const entry of ['node_modules', 'dist', 'data', '.git']) expect(ignored).toContain(entry);
  });
});
