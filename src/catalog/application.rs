//! The application's service role: CloudWatch metrics and logs, optionally user subscriptions.

use crate::policy::{ConditionKey, Operator, PolicyDocument, Statement};

use super::scope::{ResourceId, Scope};

/// The application's service role.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ApplicationRole {
    /// The account and region of the application.
    pub scope: Scope,
    /// The application, when known; the role is usually made before it, so any application by default.
    pub application: Option<ResourceId>,
    /// The older page's statements that let Q Business manage user subscriptions.
    pub user_subscriptions: bool,
}

impl ApplicationRole {
    /// The role's permissions policy.
    pub fn permissions(&self) -> PolicyDocument {
        let scope = &self.scope;
        let log_groups = scope.arn("logs", "log-group:/aws/qbusiness/*");
        let log_streams = scope.arn("logs", "log-group:/aws/qbusiness/*:log-stream:*");
        let mut statements = vec![
            Statement::allow("AmazonQApplicationPutMetricDataPermission").actions(["cloudwatch:PutMetricData"]).any_resource().condition(
                Operator::STRING_EQUALS,
                ConditionKey::CLOUDWATCH_NAMESPACE,
                ["AWS/QBusiness"],
            ),
            Statement::allow("AmazonQApplicationDescribeLogGroupsPermission").actions(["logs:DescribeLogGroups"]).any_resource(),
            Statement::allow("AmazonQApplicationCreateLogGroupPermission").actions(["logs:CreateLogGroup"]).resource(&log_groups),
            // The page puts DescribeLogStreams on the log-stream pattern, but it acts on log groups.
            Statement::allow("AmazonQApplicationDescribeLogStreamsPermission").actions(["logs:DescribeLogStreams"]).resource(&log_groups),
            Statement::allow("AmazonQApplicationLogStreamPermission")
                .actions(["logs:CreateLogStream", "logs:PutLogEvents"])
                .resource(&log_streams),
        ];
        if self.user_subscriptions {
            let application = match &self.application {
                Some(id) => scope.application_arn(id),
                None => scope.any_application_arn(),
            };
            let subscriptions = scope.arn("qbusiness", &format!("{}/subscription/*", application.resource));
            statements.push(
                Statement::allow("QBusinessUserSubscriptionPermissions")
                    .actions([
                        "qbusiness:CreateSubscription",
                        "qbusiness:UpdateSubscription",
                        "qbusiness:CancelSubscription",
                        "qbusiness:ListSubscriptions",
                    ])
                    .resources([&application, &subscriptions]),
            );
            // user-subscriptions has no resource types: its actions match only "*".
            statements.push(
                Statement::allow("QBusinessUserSubscriptionClaimPermissions")
                    .actions(["user-subscriptions:CreateClaim", "user-subscriptions:UpdateClaim"])
                    .any_resource(),
            );
        }
        PolicyDocument::new(statements)
    }
}
