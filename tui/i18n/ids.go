package i18n

// MsgID names one user-interface message by its meaning. Its value is a
// short stable key, which T returns when the message is missing from
// every catalogue.
type MsgID string

// Panes, virtual feeds and list states.
const (
	MsgFeeds          MsgID = "feeds"            // "Feeds": title of the feeds pane
	MsgHeadlines      MsgID = "headlines"        // "Headlines": title of the headline list
	MsgArticle        MsgID = "article"          // "Article": title of the reader
	MsgAll            MsgID = "all"              // "All": the virtual feed of every item
	MsgAllUnread      MsgID = "all_unread"       // "All unread": virtual feed
	MsgStarred        MsgID = "starred"          // "Starred": virtual feed
	MsgFollowing      MsgID = "following"        // "Following": virtual feed of followed stories
	MsgRelated        MsgID = "related"          // "Related stories"
	MsgLinks          MsgID = "links"            // "Links": the links of an article
	MsgSearch         MsgID = "search"           // "Search"
	MsgNoMatches      MsgID = "no_matches"       // "No matches"
	MsgBack           MsgID = "back"             // "Back"
	MsgFolder         MsgID = "folder"           // "folder": tag of a folder row
	MsgLoading        MsgID = "loading"          // "Loading…"
	MsgLayingOut      MsgID = "laying_out"       // "Laying out…"
	MsgNoHeadlines    MsgID = "no_headlines"     // "No headlines here yet — press R to refresh."
	MsgDemoBanner     MsgID = "demo_banner"      // the demo edition's banner
	MsgNoFeeds        MsgID = "no_feeds"         // "No feeds to refresh — add one with: akhbar add URL"
	MsgHelpHint       MsgID = "help_hint"        // "? help" at the right of the status line
	MsgOffline        MsgID = "offline"          // "offline — showing the cache"
	MsgBidiModeAuto   MsgID = "bidi_mode_auto"   // name of the bidi mode "auto"
	MsgBidiModeVisual MsgID = "bidi_mode_visual" // name of the bidi mode "visual"
	MsgBidiModeLogic  MsgID = "bidi_mode_logic"  // name of the bidi mode "logical"
)

// Status line messages. Verbs are noted as arguments.
const (
	MsgRefreshProgress MsgID = "refresh_progress" // done, total, new: "Refreshing %d/%d… %d new"
	MsgRefreshDone     MsgID = "refresh_done"     // feeds, new: "Refreshed %d feeds: %d new"
	MsgRefreshFailed   MsgID = "refresh_failed"   // failed: ", %d failed (marked !)", appended to MsgRefreshDone
	MsgBidiMode        MsgID = "bidi_mode"        // mode name: "Bidi mode: %s (press b to switch)"
	MsgBidiProbeOff    MsgID = "bidi_probe_off"   // the terminal's own bidi was turned off
	MsgOpenedBrowser   MsgID = "opened_browser"   // "Opened in the browser"
	MsgNoMoreUnread    MsgID = "no_more_unread"   // "No more unread headlines here"
	MsgMarkedRead      MsgID = "marked_read"      // count: "Marked %d read"
	MsgUndone          MsgID = "undone"           // "Undone"
	MsgNothingToUndo   MsgID = "nothing_to_undo"  // "Nothing to undo"
	MsgCopiedLink      MsgID = "copied_link"      // "Copied link"
	MsgClipboardDenied MsgID = "clipboard_denied" // url: the terminal refused OSC 52
	MsgNoSuchLink      MsgID = "no_such_link"     // number: "No link [%d] in this article"
	MsgUndoneUnread    MsgID = "undone_unread"    // count: "Undone: %d headlines unread again"
	MsgNothingUnread   MsgID = "nothing_unread"   // "Nothing unread here"
	MsgCopiedURL       MsgID = "copied_url"       // url: copied, with what to do if the terminal refused
	MsgNoRelated       MsgID = "no_related"       // "None found for this article"
	MsgLookingInCache  MsgID = "looking_in_cache" // "Looking in the cache…"
	MsgSearching       MsgID = "searching"        // "Searching…"
	MsgSearchResults   MsgID = "search_results"   // query, count: "Search: %s — %d found"
	MsgFollowPrompt    MsgID = "follow_prompt"    // the label of the prompt that edits a followed story's query
	MsgFollowSaved     MsgID = "follow_saved"     // query: "Following %s"
	MsgUnfollowed      MsgID = "unfollowed"       // query: "No longer following %s"
)

// Error messages of the status line; the %s is the underlying error.
const (
	MsgErrLoadFeeds     MsgID = "err_load_feeds"     // error
	MsgErrLoadHeadlines MsgID = "err_load_headlines" // error
	MsgErrArticle       MsgID = "err_article"        // error; the feed's text is shown instead
	MsgErrSave          MsgID = "err_save"           // error
	MsgErrFindUnread    MsgID = "err_find_unread"    // error
	MsgErrRefresh       MsgID = "err_refresh"        // error
	MsgErrOpen          MsgID = "err_open"           // error of the browser command
	MsgErrNoBrowser     MsgID = "err_no_browser"     // url
	MsgErrNotWebLink    MsgID = "err_not_web_link"   // url: not http or https
	MsgErrNotFollowing  MsgID = "err_not_following"  // url: not http or https, not followed in the app
	MsgErrNoLinkToCopy  MsgID = "err_no_link_to_copy"
	MsgErrMarkRead      MsgID = "err_mark_read"    // error
	MsgErrRelated       MsgID = "err_related"      // error
	MsgErrSearch        MsgID = "err_search"       // error
	MsgErrFollow        MsgID = "err_follow"       // error
	MsgFeedFailed       MsgID = "feed_failed"      // feed name, error: why the selected feed's last refresh failed
	MsgErrSelectFeed    MsgID = "err_select_feed"  // open key, copy key: o or y in the feeds pane on a row that is not a feed
	MsgErrNoSite        MsgID = "err_no_site"      // feed name, copy key: the feed names no web site to open
	MsgErrNotFollowed   MsgID = "err_not_followed" // unfollow key: X in the feeds pane on a row that is not a followed story
)

// Breadcrumb labels of the reader: "article › related 2 › link 1".
const (
	MsgCrumbArticle     MsgID = "crumb_article"      // "article"
	MsgCrumbLink        MsgID = "crumb_link"         // number: "link %d"
	MsgCrumbRelated     MsgID = "crumb_related"      // number: "related %d"
	MsgCrumbRelatedList MsgID = "crumb_related_list" // "related"
)

// Help descriptions of the key map (the key names themselves stay Latin).
const (
	MsgKeyUp          MsgID = "key_up"
	MsgKeyDown        MsgID = "key_down"
	MsgKeyTop         MsgID = "key_top"
	MsgKeyBottom      MsgID = "key_bottom"
	MsgKeyPageUp      MsgID = "key_page_up"
	MsgKeyPageDown    MsgID = "key_page_down"
	MsgKeyOpen        MsgID = "key_open"
	MsgKeyBack        MsgID = "key_back"
	MsgKeyBackQuit    MsgID = "key_back_quit"
	MsgKeyQuit        MsgID = "key_quit"
	MsgKeySwitchPane  MsgID = "key_switch_pane"
	MsgKeyRefresh     MsgID = "key_refresh"
	MsgKeyRefreshAll  MsgID = "key_refresh_all"
	MsgKeyNextUnread  MsgID = "key_next_unread"
	MsgKeyPrevUnread  MsgID = "key_prev_unread"
	MsgKeyToggleRead  MsgID = "key_toggle_read"
	MsgKeyStar        MsgID = "key_star"
	MsgKeyOpenBrowser MsgID = "key_open_browser"
	MsgKeyBidiMode    MsgID = "key_bidi_mode"
	MsgKeyImages      MsgID = "key_images"
	MsgImagesOn       MsgID = "images_on"
	MsgImagesOff      MsgID = "images_off"
	MsgKeyHelp        MsgID = "key_help"
	MsgKeyMarkAllRead MsgID = "key_mark_all_read"
	MsgKeyUndo        MsgID = "key_undo"
	MsgKeyCopyLink    MsgID = "key_copy_link"
	MsgKeyFollowLink  MsgID = "key_follow_link"
	MsgKeySearch      MsgID = "key_search"
	MsgKeyFold        MsgID = "key_fold"
	MsgKeyRelated     MsgID = "key_related"
	MsgKeyLinks       MsgID = "key_links"
	MsgKeySort        MsgID = "key_sort"
	MsgKeySettings    MsgID = "key_settings"
	MsgKeyFollow      MsgID = "key_follow"
	MsgKeyUnfollow    MsgID = "key_unfollow"
)

// Feed settings: the form's title, its labels and their values.
const (
	MsgSettings         MsgID = "settings"          // "Feed settings"
	MsgSettingName      MsgID = "setting_name"      // "Display name"
	MsgSettingFolder    MsgID = "setting_folder"    // "Folder"
	MsgSettingInterval  MsgID = "setting_interval"  // "Refresh interval"
	MsgSettingFullText  MsgID = "setting_full_text" // "Full text"
	MsgSettingDirection MsgID = "setting_direction" // "Direction"
	MsgSettingRetention MsgID = "setting_retention" // "Retention"
	MsgDirAuto          MsgID = "dir_auto"          // "Automatic"
	MsgDirRTL           MsgID = "dir_rtl"           // "Right to left"
	MsgDirLTR           MsgID = "dir_ltr"           // "Left to right"
	MsgOn               MsgID = "on"                // "On"
	MsgOff              MsgID = "off"               // "Off"
	MsgEveryMinutes     MsgID = "every_minutes"     // minutes: "Every %d minutes"
	MsgKeepDays         MsgID = "keep_days"         // days: "%d days"
	MsgKeepForever      MsgID = "keep_forever"      // "Forever"
	MsgSortNewestFirst  MsgID = "sort_newest_first" // "Newest first"
	MsgSortOldestFirst  MsgID = "sort_oldest_first" // "Oldest first"
	MsgSortUnreadFirst  MsgID = "sort_unread_first" // "Unread first"
	MsgSortedBy         MsgID = "sorted_by"         // order name: "Sort: %s"
)

// Relative times, used by AgoShort and AgoLong: the short forms fit a
// headline row (about six cells), the long ones the reader and status.
const (
	MsgAgoNowShort     MsgID = "ago_now_short"     // "now"
	MsgAgoNowLong      MsgID = "ago_now_long"      // "just now"
	MsgAgoMinutesShort MsgID = "ago_minutes_short" // "%dm"
	MsgAgoMinutesLong  MsgID = "ago_minutes_long"  // "%d minutes ago"
	MsgAgoHoursShort   MsgID = "ago_hours_short"   // "%dh"
	MsgAgoHoursLong    MsgID = "ago_hours_long"    // "%d hours ago"
	MsgAgoDaysShort    MsgID = "ago_days_short"    // "%dd"
	MsgAgoDaysLong     MsgID = "ago_days_long"     // "%d days ago"
	MsgAgoMonthsShort  MsgID = "ago_months_short"  // "%dmo"
	MsgAgoMonthsLong   MsgID = "ago_months_long"   // "%d months ago"
	MsgAgoYearsShort   MsgID = "ago_years_short"   // "%dy"
	MsgAgoYearsLong    MsgID = "ago_years_long"    // "%d years ago"
)
