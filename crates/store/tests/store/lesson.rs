//! Store cases: a programme's log of lessons and challenges is kept by its own staff; another
//! programme's coordinator can neither write to it nor change an entry, and a stale change is a
//! conflict.

use super::internship::{People, now_date, people, world};
use super::*;
use brygga_domain::lesson::{LessonDraft, LessonKind};

both!(store: the_lessons_log_is_kept_by_the_programmes_own_staff);

fn draft(programme: i32, kind: &str, text: &str) -> LessonDraft {
    LessonDraft {
        programme_id: programme.to_string(),
        kind: kind.into(),
        noted_on: now_date().to_string(),
        text: text.into(),
        action: String::new(),
    }
}

async fn the_lessons_log_is_kept_by_the_programmes_own_staff(store: Store) {
    let w = world(&store).await;
    let c = &w.coordinator;
    let People {
        manager,
        other_coordinator,
        supervisor,
        evaluator,
        ..
    } = people(&store, &w).await;
    let today = now_date();
    let input = draft(w.t.programme, "challenge", "Få handledare i juli")
        .validate(today)
        .unwrap();
    let id = store.lesson_add(c, &input).await.unwrap();
    let by_manager = draft(w.t.programme, "lesson", "Förberedande yrkessvenska hjälper")
        .validate(today)
        .unwrap();
    store.lesson_add(&manager, &by_manager).await.unwrap();
    // Another programme's coordinator may not write into this programme's log.
    match store.lesson_add(&other_coordinator, &input).await {
        Err(StoreError::Invalid(e)) if e.get("programme_id").is_some() => {}
        r => panic!("another programme's coordinator adds: {r:?}"),
    }
    for who in [&supervisor, &evaluator] {
        assert!(matches!(
            store.lesson_add(who, &input).await,
            Err(StoreError::Forbidden)
        ));
        assert!(matches!(
            store.lessons(who, None).await,
            Err(StoreError::Forbidden)
        ));
    }
    let log = store.lessons(&manager, None).await.unwrap();
    assert_eq!(log.len(), 2);
    assert!(
        store
            .lessons(&other_coordinator, None)
            .await
            .unwrap()
            .is_empty()
    );
    assert_eq!(
        store.lessons(c, Some(w.t.programme2)).await.unwrap().len(),
        0,
        "one programme's log at a time"
    );

    // Changed at the version read; another programme's coordinator finds nothing to change.
    let changed = draft(
        w.t.programme,
        "lesson",
        "Få handledare i juli – löst med vikarier",
    )
    .validate(today)
    .unwrap();
    assert!(matches!(
        store
            .lesson_update(&other_coordinator, id, &changed, 1)
            .await,
        Err(StoreError::NotFound)
    ));
    assert!(matches!(
        store.lesson_update(c, id, &changed, 2).await,
        Err(StoreError::Conflict)
    ));
    store
        .lesson_update(&manager, id, &changed, 1)
        .await
        .unwrap();
    let entry = store
        .lessons(c, None)
        .await
        .unwrap()
        .into_iter()
        .find(|l| l.id == id)
        .unwrap();
    assert_eq!(entry.kind, LessonKind::Lesson);
    assert!(entry.text.ends_with("vikarier"));
    assert_eq!(entry.version, 2);
    assert_eq!(entry.created_by_name, "koordinator@jobbsteget.example");
    assert_eq!(entry.updated_by_name, "pl@example.se");
}
