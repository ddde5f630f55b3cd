/** Playback icons as inline SVG, so they never depend on which symbols a font has. */
const icon = (path: string) =>
  function Icon() {
    return (
      <svg width={14} height={14} viewBox="0 0 16 16" aria-hidden="true" fill="currentColor">
        <path d={path} />
      </svg>
    );
  };

export const PlayIcon = icon('M4 2L14 8L4 14Z');
export const PauseIcon = icon('M3 2H7V14H3ZM9 2H13V14H9Z');
export const StepBackIcon = icon('M2 2H4.5V14H2ZM14 2V14L5 8Z');
export const StepForwardIcon = icon('M11.5 2H14V14H11.5ZM2 2L11 8L2 14Z');
