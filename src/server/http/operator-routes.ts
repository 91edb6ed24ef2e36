import type { FastifyInstance, FastifyRequest } from 'fastify';
import { COMMANDS } from '../../cli/commands';
import { commandResult, type Command } from '../../cli/command';
import { toAppError } from '../../cli/errors';
import { operatorActor } from '../actor';
import type { AppContext } from '../context';
import { errors, typed } from './route-kit';

/**
 * POST /api/operator/<command>: the `xinzhi` CLI's way in while this server holds the embedded data
 * folder (which no second process may open). Only the local operator token of server.json is let
 * in; the body is the command's own schema and the work is the command's own function.
 */
export default function operatorRoutes(app: FastifyInstance, ctx: AppContext): void {
  const r = typed(app);
  for (const cmd of COMMANDS.filter((c) => c.remote)) {
    r.post(
      `/api/operator/${cmd.id}`,
      {
        schema: {
          tags: ['operator'],
          summary: `xinzhi ${cmd.words.join(' ')} — ${cmd.summary}`,
          body: cmd.schema,
          response: { 200: commandResult, ...errors(400, 401, 404, 409, 422) },
        },
        config: { access: 'operator' },
      },
      async (req) => runCommand(cmd, ctx, req),
    );
  }
}

async function runCommand(cmd: Command, ctx: AppContext, req: FastifyRequest) {
  try {
    return await cmd.run(ctx, req.body, { actor: operatorActor(req.ip ?? null), progress: (line) => req.log.debug({ command: cmd.id }, line), where: 'server' });
  } catch (err) {
    throw toAppError(err);
  }
}
