// Drag-and-drop payloads shared between features. A local image is dragged as
// `application/x-berth-image` with JSON {engineId, ref}; any page that lists local images
// (Images, Containers, the deploy picker) sets it, and drop targets (ECS services) read it.
export const IMAGE_MIME = 'application/x-berth-image';

export interface DraggedImage {
  engineId: string;
  /** A reference (repo:tag) or an image id. */
  ref: string;
}

export function setDraggedImage(e: { dataTransfer: DataTransfer | null }, image: DraggedImage): void {
  if (!e.dataTransfer) return;
  e.dataTransfer.setData(IMAGE_MIME, JSON.stringify(image));
  e.dataTransfer.setData('text/plain', image.ref);
  e.dataTransfer.effectAllowed = 'copy';
}

/** True while an image is dragged over (the payload itself is readable only on drop). */
export const carriesImage = (e: { dataTransfer: DataTransfer | null }) => !!e.dataTransfer?.types.includes(IMAGE_MIME);

export function readDraggedImage(e: { dataTransfer: DataTransfer | null }): DraggedImage | undefined {
  const raw = e.dataTransfer?.getData(IMAGE_MIME);
  if (!raw) return undefined;
  try {
    const v = JSON.parse(raw) as Partial<DraggedImage>;
    return typeof v.engineId === 'string' && typeof v.ref === 'string' && v.ref ? { engineId: v.engineId, ref: v.ref } : undefined;
  } catch {
    return undefined;
  }
}
