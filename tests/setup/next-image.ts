// next/image is a CommonJS module whose component is its `default` export; under Jest's native ESM mode Node hands
// the whole exports object over as the default import. This hands over the component, as Next's bundler does.
import * as image from "next/dist/shared/lib/image-external.js";

type ImageModule = typeof image & { default: typeof image.default & { default?: typeof image.default } };
const nextImage = image as ImageModule;

export default nextImage.default.default ?? nextImage.default;
export const getImageProps = nextImage.getImageProps;
