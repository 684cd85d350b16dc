// next/image is a CommonJS module whose component is its `default` export; under Jest's native ESM mode Node hands
// the whole exports object over as the default import. This hands over the component, as Next's bundler does.
import image from "next/dist/shared/lib/image-external.js";

export default image.default ?? image;
export const { getImageProps } = image;
