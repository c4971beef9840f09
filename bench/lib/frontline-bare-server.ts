import Fastify from 'fastify';

/**
 * The ceiling of the front-line benchmark: a bare Fastify route on the same machine, Node and
 * loopback, with nothing behind it. Run as its own process, like the real server.
 */
const app = Fastify({ logger: false });
app.get('/bare', () => ({ ok: true }));
app.get('/healthz', () => ({ ok: true }));
await app.listen({ host: '127.0.0.1', port: Number(process.env.PORT) });
