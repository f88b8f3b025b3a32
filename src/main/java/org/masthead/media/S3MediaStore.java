package org.masthead.media;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.AbstractResource;
import org.springframework.core.io.Resource;
import org.springframework.stereotype.Component;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Media in an S3-compatible bucket (AWS S3, MinIO, Ceph, R2…), so every node serves every picture: selected with
 * {@code masthead.media.store=s3}. Names are content hashes, so an object is written once and never changes;
 * credentials come from the SDK's standard chain (environment, profile, instance role) unless an access key is
 * configured, as stores other than AWS usually need. No database connection is held while it talks to the bucket:
 * the library stores the bytes before its transaction writes the rows.
 */
@Component
@ConditionalOnProperty(name = "masthead.media.store", havingValue = "s3")
class S3MediaStore implements MediaStore, AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(S3MediaStore.class);

    private final S3Client s3;
    private final String bucket;

    S3MediaStore(@Value("${masthead.media.s3.bucket}") String bucket,
                 @Value("${masthead.media.s3.endpoint:}") String endpoint,
                 @Value("${masthead.media.s3.region:us-east-1}") String region,
                 @Value("${masthead.media.s3.access-key:}") String accessKey,
                 @Value("${masthead.media.s3.secret-key:}") String secretKey) {
        this.bucket = bucket;
        S3ClientBuilder builder = S3Client.builder().region(Region.of(region))
                .httpClientBuilder(UrlConnectionHttpClient.builder()).credentialsProvider(credentials(accessKey, secretKey));
        if (!endpoint.isBlank()) {
            // a store of one's own: its address, and buckets in the path (virtual hosts need DNS a local store lacks)
            builder.endpointOverride(URI.create(endpoint)).forcePathStyle(true);
        }
        this.s3 = builder.build();
    }

    private static AwsCredentialsProvider credentials(String accessKey, String secretKey) {
        return accessKey.isBlank() ? DefaultCredentialsProvider.builder().build()
                : StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKey, secretKey));
    }

    @Override
    public boolean put(String name, byte[] bytes) {
        try {
            if (head(name).isPresent()) {
                return false;
            }
            s3.putObject(request -> request.bucket(bucket).key(name).contentType(ImageType.contentTypeOf(name))
                    .cacheControl("public, max-age=31536000, immutable"), RequestBody.fromBytes(bytes));
            return true;
        } catch (SdkException e) {
            log.error("Could not store {} in bucket {}: {}", name, bucket, e.getMessage());
            throw new MediaStoreException("The image could not be stored in the media bucket. Nothing was saved; "
                    + "please tell an administrator.", e);
        }
    }

    @Override
    public Optional<Resource> get(String name) {
        try {
            return head(name).map(head -> new ObjectResource(name, head.contentLength()));
        } catch (SdkException e) {
            throw new MediaStoreException("The media bucket could not be reached for " + name, e);
        }
    }

    @Override
    public void delete(String name) {
        try {
            s3.deleteObject(request -> request.bucket(bucket).key(name));
        } catch (SdkException e) {
            throw new MediaStoreException("Could not delete " + name + " from the media bucket", e);
        }
    }

    private Optional<HeadObjectResponse> head(String name) {
        try {
            return Optional.of(s3.headObject(request -> request.bucket(bucket).key(name)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    @Override
    public void close() {
        s3.close();
    }

    /** An object read when it is sent, streamed from the bucket: never whole in memory. */
    private final class ObjectResource extends AbstractResource {
        private final String name;
        private final long length;

        ObjectResource(String name, long length) {
            this.name = name;
            this.length = length;
        }

        @Override
        public String getDescription() {
            return "s3://" + bucket + "/" + name;
        }

        @Override
        public String getFilename() {
            return name;
        }

        @Override
        public boolean exists() {
            return true;
        }

        @Override
        public long contentLength() {
            return length;
        }

        @Override
        public long lastModified() {
            return 0; // names are content hashes: what a name holds never changes
        }

        @Override
        public InputStream getInputStream() throws IOException {
            try {
                return s3.getObject(request -> request.bucket(bucket).key(name));
            } catch (SdkException e) {
                throw new IOException("Could not read " + name + " from the media bucket", e);
            }
        }
    }
}
