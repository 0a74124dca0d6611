/** The bench's reference for `{ plans { tier } }`: a minimal Apollo Server 5 on Express 5 answering the same shape. */
import { createServer } from 'node:http';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { PLAN_TIERS } from '@aa/plans';
import express from 'express';

const server = new ApolloServer({
  typeDefs: 'type Plan { tier: String! } type Query { plans: [Plan!]! }',
  resolvers: { Query: { plans: () => PLAN_TIERS.map((tier) => ({ tier })) } },
});
await server.start();
const app = express();
app.use('/graphql', express.json(), expressMiddleware(server));
const http = createServer(app);
http.listen(0, '127.0.0.1', () => {
  const address = http.address();
  if (address && typeof address === 'object') console.log(`listening http://127.0.0.1:${address.port}`);
});
process.on('SIGTERM', () => http.close(() => process.exit(0)));
