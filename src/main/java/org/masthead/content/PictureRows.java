package org.masthead.content;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.masthead.media.MediaUrls;

/** A {@link Picture} from the columns of the {@code media_picture} view: every stored size, for {@code srcset}. */
final class PictureRows {

    private PictureRows() {
    }

    /**
     * @param variants     the view's {@code variants} ("width file_name", smallest first)
     * @param webpVariants the view's {@code webp_variants}, the same way
     * @return null when there is no picture ({@code fileName} null)
     */
    static Picture picture(MediaUrls media, String fileName, int width, int height, Array variants, Array webpVariants,
                           String alt, String caption, String credit) throws SQLException {
        if (fileName == null) {
            return null;
        }
        List<Picture.Source> sources = new ArrayList<>(sources(media, variants));
        sources.add(new Picture.Source(media.url(fileName), width));
        return new Picture(media.url(fileName), width, height, alt, caption, credit, List.copyOf(sources),
                sources(media, webpVariants));
    }

    private static List<Picture.Source> sources(MediaUrls media, Array variants) throws SQLException {
        List<Picture.Source> sources = new ArrayList<>();
        for (String variant : variants == null ? List.<String>of() : Arrays.asList((String[]) variants.getArray())) {
            String[] widthAndFile = variant.split(" ", 2);
            sources.add(new Picture.Source(media.url(widthAndFile[1]), Integer.parseInt(widthAndFile[0])));
        }
        return List.copyOf(sources);
    }
}
