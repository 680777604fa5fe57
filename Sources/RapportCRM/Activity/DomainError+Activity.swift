extension DomainError.Code {
    /// The activity or task named does not exist.
    public static let activityNotFound = Self("activity_not_found")
    /// An activity or task with the id already exists.
    public static let activityExists = Self("activity_exists")
    /// An activity or task must be related to at least one account, contact, lead, opportunity or case.
    public static let relatedRecordRequired = Self("related_record_required")
    /// The activity is a logged call, email, meeting or note, not a task.
    public static let notATask = Self("not_a_task")
    /// The task is already completed.
    public static let taskCompleted = Self("task_completed")
}
