package org.haochaping.mobile

import java.nio.file.Path
import java.util.UUID
import okhttp3.Interceptor
import okhttp3.MediaType.Companion.toMediaType
import okhttp3.MultipartBody
import okhttp3.OkHttpClient
import okhttp3.RequestBody.Companion.toRequestBody
import okio.Buffer
import org.assertj.core.api.Assertions.assertThat
import org.haochaping.HaochapingApplication
import org.haochaping.LocalServer
import org.haochaping.badreview.BadReviewHandling
import org.haochaping.badreview.CaseFixtures
import org.haochaping.badreview.CaseStatus
import org.haochaping.identity.local.PkceLogin
import org.haochaping.media.PhotoLibrary
import org.haochaping.media.TestImages
import org.haochaping.mobile.client.apis.AppApi
import org.haochaping.mobile.client.apis.CampaignsApi
import org.haochaping.mobile.client.apis.IdentityApi
import org.haochaping.mobile.client.apis.MediaApi
import org.haochaping.mobile.client.apis.NotificationsApi
import org.haochaping.mobile.client.apis.RatingsApi
import org.haochaping.mobile.client.apis.SubjectsApi
import kotlinx.serialization.decodeFromString
import org.haochaping.mobile.client.infrastructure.ApiClient
import org.haochaping.mobile.client.infrastructure.Serializer
import org.haochaping.mobile.client.models.FollowUpSubmission
import org.haochaping.mobile.client.models.Notification
import org.haochaping.mobile.client.models.Problem
import org.haochaping.mobile.client.models.ProblemCode
import org.haochaping.mobile.client.models.HandlingOutcome
import org.haochaping.mobile.client.models.HandlingStatus
import org.haochaping.mobile.client.models.Media
import org.haochaping.mobile.client.models.NotificationType
import org.haochaping.mobile.client.models.NotificationsRead
import org.haochaping.mobile.client.models.RatingRerating
import org.haochaping.mobile.client.models.RatingSubmission
import org.haochaping.mobile.client.models.ReviewStatus
import org.haochaping.mobile.client.models.Role
import org.haochaping.mobile.client.models.Verdict
import org.haochaping.rating.RatingSubmission as RatingSubmissionService
import org.junit.jupiter.api.Test
import org.springframework.beans.factory.annotation.Autowired
import org.springframework.boot.test.context.SpringBootTest
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment
import org.springframework.boot.test.web.server.LocalServerPort
import org.springframework.test.context.DynamicPropertyRegistry
import org.springframework.test.context.DynamicPropertySource
import retrofit2.Call
import retrofit2.Response
import tools.jackson.databind.json.JsonMapper

/**
 * The Android app's journey through the Kotlin client it generates from api-spec (kotlin,
 * jvm-retrofit2, kotlinx serialization with the generator's defaults, so every unset optional field
 * is sent as null): sign in by PKCE, browse, upload a photo, rate, retry after a lost answer, list
 * and read the rating, read the notifications, and re-rate once the town has fixed it.
 *
 * Run by `-Pkotlin-client` only (README, "The mobile client"). Its name does not end in Tests, so a
 * default build never picks up a class left in target/test-classes by the profile.
 */
@SpringBootTest(classes = [HaochapingApplication::class], webEnvironment = WebEnvironment.RANDOM_PORT)
class MobileClientJourney {

    companion object {
        val DATA: Path = Path.of("target", "test-data", "kotlin-journey-" + UUID.randomUUID())

        @JvmStatic
        @DynamicPropertySource
        fun server(registry: DynamicPropertyRegistry) {
            registry.add("haochaping.data-dir") { DATA.toString() }
        }
    }

    @LocalServerPort
    var port: Int = 0

    @Autowired
    lateinit var submission: RatingSubmissionService

    @Autowired
    lateinit var handling: BadReviewHandling

    @Autowired
    lateinit var photos: PhotoLibrary

    /** The JSON bodies the app sent, by "METHOD path", to see what the generated client puts on the wire. */
    private val sent = mutableMapOf<String, String>()

    @Test
    fun a_resident_signs_in_rates_through_the_kotlin_client_and_re_rates_the_fix() {
        val base = "http://localhost:$port"

        // What the app asks at start, without a token.
        val config = call(ApiClient(base).createService(AppApi::class.java).getAppConfig())
        assertThat(config.minimumSupportedVersion).isNotBlank()
        assertThat(config.privacyNoticeUrl).isNotBlank()

        // Sign-in: authorization code with PKCE S256 at the embedded provider, then a refresh.
        val login = PkceLogin(base)
        val tokens = login.signIn("resident7", LocalServer.password(DATA, "resident7"), PkceLogin.Pkce.create())
        assertThat(tokens.statusCode()).isEqualTo(200)
        val json = JsonMapper.builder().build()
        val refreshToken = json.readTree(tokens.body()).get("refresh_token").asString()
        val refreshed = login.token(mapOf("grant_type" to "refresh_token", "client_id" to PkceLogin.CLIENT,
            "refresh_token" to refreshToken))
        assertThat(refreshed.statusCode()).isEqualTo(200)
        val accessToken = json.readTree(refreshed.body()).get("access_token").asString()

        val client = ApiClient(base, OkHttpClient.Builder().addInterceptor(recordJsonBodies()).addInterceptor { chain ->
            chain.proceed(chain.request().newBuilder().header("Accept-Language", "zh-CN").build())
        }, "bearer", accessToken)
        val campaigns = client.createService(CampaignsApi::class.java)
        val subjects = client.createService(SubjectsApi::class.java)
        val media = client.createService(MediaApi::class.java)
        val ratings = client.createService(RatingsApi::class.java)
        val notifications = client.createService(NotificationsApi::class.java)

        val me = call(client.createService(IdentityApi::class.java).getMe())
        assertThat(me.roles).containsExactly(Role.RESIDENT)

        // Browse: the campaigns, one with its rating form, the compounds nearest to the resident and by name.
        val listed = campaigns.listCampaigns().execute()
        val all = listed.body()!!.items
        // Revalidated with its ETag: 304, no body (Retrofit counts a 304 as not successful; the app keeps its copy).
        val etag = listed.headers()["ETag"]
        assertThat(etag).isNotBlank()
        val revalidated = campaigns.listCampaigns(ifNoneMatch = etag).execute()
        assertThat(revalidated.code()).isEqualTo(304)
        assertThat(revalidated.body()).isNull()
        assertThat(all).hasSize(10)
        assertThat(all.map { it.code }).contains("property-management")
        val propertyManagement = call(campaigns.getCampaign("property-management"))
        val form = propertyManagement.ratingForm
        assertThat(form.version).isPositive()
        assertThat(form.badReasons.map { it.code })
            .containsExactly("dirty", "slow-repairs", "opaque-fees", "poor-security", "rude", "parking-chaos")
        val nearest = call(subjects.listSubjects("property-management", lat = 36.5350, lng = 113.0500, limit = 5)).items
        assertThat(nearest.first().id).isEqualTo("pm-001")
        assertThat(nearest.first().distanceMeters).`as`("康馨苑 at 36.5295,113.04744, by haversine").isEqualTo(653)
        val subject = nearest.first()
        val byName = call(subjects.listSubjects("property-management", q = subject.name.zh, limit = 5)).items
        assertThat(byName.map { it.id }).contains(subject.id)

        // A photo, uploaded with an Idempotency-Key (a retry after a lost answer finds the same photo).
        val photoKey = "photo-" + UUID.randomUUID()
        val uploaded = call(media.uploadMedia(photoKey, jpeg()))
        assertThat(uploaded.contentType).isEqualTo(Media.ContentType.imageSlashJpeg)
        assertThat(uploaded.width).isEqualTo(16)
        assertThat(call(media.uploadMedia(photoKey, jpeg())).id).isEqualTo(uploaded.id)

        // May I rate it? Yes, until I have.
        val eligibility = call(ratings.checkRatingEligibility("property-management", subject.regionCode, subjectId = subject.id))
        assertThat(eligibility.eligible).isTrue()

        // A 差评 with the photo; clientSubmittedAt and caseNumber are left unset, so sent as null.
        val rating = RatingSubmission(
            campaignCode = "property-management",
            formVersion = form.version,
            regionCode = subject.regionCode,
            level = 2,
            subjectId = subject.id,
            indicatorScores = mapOf("overall" to 2),
            reasonTags = setOf(form.badReasons.first().code),
            comment = "电梯坏了两周，物业一直没有修。",
            photoIds = setOf(uploaded.id),
        )
        val ratingKey = "app-" + UUID.randomUUID()
        val first = ratings.submitRating(ratingKey, rating, xDeviceId = "device-7f3a", xAppVersion = "1.4.2").execute()
        assertThat(first.code()).isEqualTo(201)
        assertThat(sent["POST /api/v1/ratings"]).contains("\"caseNumber\":null", "\"clientSubmittedAt\":null")
        val rated = first.body()!!
        assertThat(first.headers()["Location"]).endsWith(rated.id)
        assertThat(rated.status).isEqualTo(ReviewStatus.AWAITING_CONTACT)
        assertThat(rated.photoIds).containsExactly(uploaded.id)

        // The retry after a lost answer: the same rating, marked as a replay.
        val retry = ratings.submitRating(ratingKey, rating, xDeviceId = "device-7f3a", xAppVersion = "1.4.2").execute()
        assertThat(retry.code()).isEqualTo(201)
        assertThat(retry.headers()["Idempotent-Replayed"]).isEqualTo("true")
        assertThat(retry.body()!!.id).isEqualTo(rated.id)
        assertThat(retry.body()!!.submittedAt).isEqualTo(rated.submittedAt)

        val again = call(ratings.checkRatingEligibility("property-management", subject.regionCode, subjectId = subject.id))
        assertThat(again.eligible).isFalse()
        assertThat(again.reason).isEqualTo("ALREADY_RATED")

        // My ratings: this one, once; and read on its own.
        val mine = call(ratings.listMyRatings())
        assertThat(mine.items.map { it.id }).containsExactly(rated.id)
        val read = call(ratings.getMyRating(rated.id))
        assertThat(read.comment).isEqualTo("电梯坏了两周，物业一直没有修。")
        assertThat(read.reasonTags).containsExactly("dirty")
        assertThat(read.handling!!.status).isEqualTo(HandlingStatus.AWAITING_CONTACT)
        assertThat(read.handling.canRerate).isFalse()
        assertThat(call(notifications.listMyNotifications()).items).isEmpty()

        // A second 差评 of the same compound this month is refused; the app reads the problem with its own models.
        val twice = ratings.submitRating("app-" + UUID.randomUUID(), rating.copy(photoIds = null)).execute()
        val problemBody = twice.errorBody()!!.string()
        assertThat(twice.code()).`as`(problemBody).isEqualTo(409)
        val problem = Serializer.kotlinxSerializationJson.decodeFromString<Problem>(problemBody)
        assertThat(problem.code).isEqualTo(ProblemCode.ALREADY_RATED)
        assertThat(problem.status).isEqualTo(409)

        // A 追评, and its retry after a lost answer: added once.
        val followUpKey = "follow-" + UUID.randomUUID()
        val followedUp = call(ratings.addFollowUp(rated.id, followUpKey, FollowUpSubmission("三天过去了，还是没有人来。")))
        assertThat(followedUp.followUps.map { it.comment }).containsExactly("三天过去了，还是没有人来。")
        val followUpRetry = ratings.addFollowUp(rated.id, followUpKey, FollowUpSubmission("三天过去了，还是没有人来。")).execute()
        assertThat(followUpRetry.headers()["Idempotent-Replayed"]).isEqualTo("true")
        assertThat(followUpRetry.body()!!.followUps).hasSize(1)

        // The town's handler contacts the resident, decides and fixes it (in-process, as officials do in the console).
        val cases = CaseFixtures(submission, handling, photos)
        val handler = CaseFixtures.townHandler("kotlin-journey-handler")
        val fixed = cases.rectified(rated.id, handler, cases.photos(handler, 1))
        assertThat(fixed.status).isEqualTo(CaseStatus.AWAITING_RERATING)

        // The notifications say so, newest first; all read.
        val told = call(notifications.listMyNotifications())
        assertThat(told.items.map { it.type })
            .containsExactly(NotificationType.RECTIFIED, NotificationType.DISPOSED, NotificationType.CONTACTED)
        assertThat(told.items).allSatisfy { assertThat(it.ratingId).isEqualTo(rated.id) }
        assertThat(told.unread).isEqualTo(3)
        assertThat(call(notifications.markNotificationsRead(NotificationsRead(upTo = told.items.first().id))).unread).isZero()
        val awaiting = call(ratings.getMyRating(rated.id))
        assertThat(awaiting.status).isEqualTo(ReviewStatus.FIXED_AWAITING_RERATING)
        assertThat(awaiting.handling!!.canRerate).isTrue()

        // The re-rating, and its retry with the same Idempotency-Key.
        val rerateKey = "rerate-" + UUID.randomUUID()
        val rerated = ratings.rerateRating(rated.id, rerateKey, RatingRerating(Verdict.SATISFIED)).execute()
        assertThat(rerated.code()).isEqualTo(200)
        assertThat(rerated.body()!!.status).isEqualTo(ReviewStatus.CLOSED)
        assertThat(rerated.body()!!.handling!!.outcome).isEqualTo(HandlingOutcome.SATISFIED)
        val reratedAgain = ratings.rerateRating(rated.id, rerateKey, RatingRerating(Verdict.SATISFIED)).execute()
        assertThat(reratedAgain.code()).isEqualTo(200)
        assertThat(reratedAgain.headers()["Idempotent-Replayed"]).isEqualTo("true")
        assertThat(reratedAgain.body()!!.status).isEqualTo(ReviewStatus.CLOSED)

        // The case is closed: one new notification says so.
        val closed = call(notifications.listMyNotifications())
        assertThat(closed.items.first().type).isEqualTo(NotificationType.CLOSED)
        assertThat(closed.items).hasSize(4)
        assertThat(closed.unread).isEqualTo(1)
        assertThat(call(ratings.listMyRatings()).items.single().status).isEqualTo(ReviewStatus.CLOSED)
    }

    @Test
    fun a_value_a_newer_server_adds_to_an_enum_does_not_break_the_app() {
        val notification = Serializer.kotlinxSerializationJson.decodeFromString<Notification>("""
            {"id":"1","at":"2026-11-27T08:00:00Z","type":"SOMETHING_NEW","ratingId":"r","campaignCode":"c",
             "title":"t","body":"b","read":false,"unitName":{"zh":"镇","en":"Town"}}
            """)
        assertThat(notification.type).isEqualTo(NotificationType.unknown_default_open_api)
    }

    private fun jpeg(): MultipartBody.Part = MultipartBody.Part.createFormData("file", "lift.jpg",
        TestImages.jpegWithGpsExif().toRequestBody("image/jpeg".toMediaType()))

    private fun recordJsonBodies() = Interceptor { chain ->
        val request = chain.request()
        val body = request.body
        if (body != null && body.contentType()?.subtype == "json") {
            val buffer = Buffer()
            body.writeTo(buffer)
            sent["${request.method} ${request.url.encodedPath}"] = buffer.readUtf8()
        }
        chain.proceed(request)
    }

    /** The body of a 2xx answer; anything else fails the test with the problem the server sent. */
    private fun <T> call(call: Call<T>): T {
        val response: Response<T> = call.execute()
        assertThat(response.isSuccessful).`as` { "${call.request().method} ${call.request().url}: ${response.code()} ${response.errorBody()?.string()}" }.isTrue()
        return response.body()!!
    }
}
