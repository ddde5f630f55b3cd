import {
  appendCheckpoints,
  completedCheckpoints,
  type LiveCheckpoints,
} from '../../renderer/src/network/live-checkpoints';
import type { HostMessage } from '../../shared/protocol';
import type { Checkpoints } from '../../shared/schemas/checkpoints';

/** A completed network run's checkpoints as the store joins them: its frames' checkpoints, with the completion's curvature. */
export function receivedCheckpoints(received: readonly HostMessage[], runId: string): Checkpoints {
  let live: LiveCheckpoints | undefined;
  for (const message of received) {
    if (message.type === 'frames' && message.runId === runId && message.checkpoints)
      live = appendCheckpoints(live, message.checkpoints);
    if (message.type === 'checkpoints-complete' && message.runId === runId) {
      if (!live) throw new Error(`run ${runId} completed without checkpoints in its frames`);
      return completedCheckpoints(live, message);
    }
  }
  throw new Error(`run ${runId} sent no checkpoints-complete message`);
}
