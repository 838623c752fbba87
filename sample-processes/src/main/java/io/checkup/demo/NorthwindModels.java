package io.checkup.demo;

import static io.checkup.demo.ModelKit.call;
import static io.checkup.demo.ModelKit.decide;
import static io.checkup.demo.ModelKit.forEach;
import static io.checkup.demo.ModelKit.manual;
import static io.checkup.demo.ModelKit.message;
import static io.checkup.demo.ModelKit.milestone;
import static io.checkup.demo.ModelKit.process;
import static io.checkup.demo.ModelKit.rule;
import static io.checkup.demo.ModelKit.script;
import static io.checkup.demo.ModelKit.send;
import static io.checkup.demo.ModelKit.service;
import static io.checkup.demo.ModelKit.together;
import static io.checkup.demo.ModelKit.user;
import static io.checkup.demo.ModelKit.waitFor;
import static io.checkup.demo.ModelKit.when;

import io.checkup.demo.ModelKit.Checked;
import io.checkup.demo.ModelKit.Step;
import java.util.List;

/**
 * The twenty processes of Northwind Trading, the demo's healthy client: a wholesale trader whose
 * sales, purchasing, warehouse, finance and staff work runs through Camunda. Detailed as a company
 * that has automated for a year and a half would have them: decisions on amounts and customer
 * types, deadlines on the tasks that must not wait, notifications, sub-processes with an error
 * path, work shared in groups.
 */
final class NorthwindModels {

  private NorthwindModels() {}

  private static String below(int amount) {
    return "${amount < " + amount + "}";
  }

  private static String from(int amount) {
    return "${amount >= " + amount + "}";
  }

  private static String between(int from, int below) {
    return "${amount >= " + from + " && amount < " + below + "}";
  }

  private static final String A = "${variant == 'A'}";
  private static final String B = "${variant == 'B'}";

  private static Step checked(
      String id, String name, List<Step> steps, int failsFrom, String code, Step... onError) {
    return new Checked(id, name, steps, from(failsFrom), code, List.of(onError));
  }

  static List<DemoModels.Model> all() {
    return List.of(
        leadQualification(),
        quoteRequest(),
        orderFulfillment(),
        creditCheck(),
        customerOnboarding(),
        complaintHandling(),
        returnsHandling(),
        invoiceApproval(),
        paymentReminder(),
        purchaseRequisition(),
        supplierOnboarding(),
        stockReplenishment(),
        deliveryScheduling(),
        priceChange(),
        contractRenewal(),
        campaignFollowUp(),
        employeeOnboarding(),
        leaveRequest(),
        expenseClaim(),
        accessRequest());
  }

  static DemoModels.Model leadQualification() {
    return process(
        "leadQualification",
        "Lead qualification",
        "Lead in",
        "Lead qualified",
        service("enrichLead", "Enrich lead data"),
        decide(
            "leadSource",
            "Lead source?",
            when("web", below(350), user("callWebLead", "Call web lead", "sales", "PT4H")),
            when("trade fair", between(350, 700), send("fairFollowUp", "Send fair follow-up")),
            when("partner", from(700), user("briefPartner", "Brief partner manager", "sales"))),
        rule("scoreLead", "Score lead"),
        decide(
            "qualified",
            "Qualified?",
            when("yes", from(200), user("planMeeting", "Plan first meeting", "sales", "P1D")),
            when("no", below(200), send("newsletterInvite", "Invite to newsletter"))),
        decide(
            "knownCustomer",
            "Existing customer?",
            when("yes", A, service("linkAccount", "Link lead to account")),
            when("no", B, service("createProspect", "Create prospect"))));
  }

  static DemoModels.Model quoteRequest() {
    return process(
        "quoteRequest",
        "Quote request",
        "Request in",
        "Quote sent",
        user("reviewRequest", "Review request", "sales", "P2D"),
        decide(
            "dealSize",
            "Deal size?",
            when("small", below(300), service("standardQuote", "Prepare standard quote")),
            when("medium", between(300, 800), user("prepareQuote", "Prepare quote", "sales")),
            when("large", from(800), user("approveDeal", "Approve large deal", "managers"))),
        decide(
            "discount",
            "Discount asked?",
            when("yes", A, rule("discountRules", "Apply discount rules")),
            when("no", B, service("listPrice", "Use list price"))),
        decide(
            "channel",
            "Send how?",
            when("portal", below(500), service("publishQuote", "Publish in customer portal")),
            when("mail", from(500), send("mailQuote", "Mail quote"))));
  }

  static DemoModels.Model orderFulfillment() {
    return process(
        "orderFulfillment",
        "Order fulfillment",
        "Order received",
        "Order delivered",
        call("checkCredit", "Check credit", "creditCheck"),
        decide(
            "inStock",
            "In stock?",
            when("yes", from(150), service("reserveStock", "Reserve stock")),
            when("no", below(150), user("backorder", "Arrange backorder", "sales"))),
        together(
            "prepare",
            "Prepare shipment",
            List.of(manual("pickGoods", "Pick and pack goods")),
            List.of(service("printLabel", "Print shipping label"))),
        decide(
            "carrier",
            "Carrier?",
            when("parcel", below(400), service("bookParcel", "Book parcel service")),
            when("freight", between(400, 850), service("bookFreight", "Book freight forwarder")),
            when("own truck", from(850), user("planTruck", "Plan own truck", "sales"))),
        decide(
            "express",
            "Express?",
            when("yes", A, send("notifyExpress", "Notify customer of express delivery")),
            when("no", B, service("standardTracking", "Register standard tracking"))),
        decide(
            "invoiceWithGoods",
            "Invoice with the goods?",
            when("yes", A, service("printInvoice", "Print invoice")),
            when("no", B, send("emailInvoice", "E-mail invoice"))),
        waitFor("inTransit", "In transit", "PT1M"),
        message("deliveredNotice", "Delivery notice sent"));
  }

  static DemoModels.Model creditCheck() {
    return process(
        "creditCheck",
        "Credit check",
        "Check asked",
        "Credit decided",
        checked(
            "agency",
            "Credit agency query",
            List.of(service("queryAgency", "Query credit agency")),
            960,
            "AGENCY_DOWN",
            user("manualRating", "Rate credit by hand", "finance")),
        script("creditScore", "Compute credit score"),
        decide(
            "creditLimit",
            "Within limit?",
            when("yes", below(700), service("approveCredit", "Approve credit line")),
            when("no", from(700), user("reviewCredit", "Review credit line", "finance", "PT8H"))),
        decide(
            "collateral",
            "Collateral needed?",
            when("yes", from(850), user("askCollateral", "Ask for collateral", "finance")),
            when("no", below(850), service("recordRating", "Record rating"))));
  }

  static DemoModels.Model customerOnboarding() {
    return process(
        "customerOnboarding",
        "Customer onboarding",
        "Customer signed",
        "Customer onboarded",
        service("createAccount", "Create account"),
        together(
            "setUp",
            "Set up",
            List.of(user("welcomeCall", "Welcome call", "sales", "P1D")),
            List.of(service("setUpBilling", "Set up billing")),
            List.of(service("portalAccess", "Open portal access"))),
        decide(
            "segment",
            "Segment?",
            when(
                "key account",
                from(800),
                user("assignManager", "Assign key account manager", "managers")),
            when("retail", below(800), send("welcomePack", "Send welcome pack"))),
        decide(
            "training",
            "Training wanted?",
            when("yes", A, user("scheduleTraining", "Schedule portal training", "support")),
            when("no", B, send("tutorialLinks", "Send tutorial links"))),
        decide(
            "creditLine",
            "Credit line wanted?",
            when("yes", from(500), call("onboardingCredit", "Check credit", "creditCheck")),
            when("no", below(500), service("prepaymentTerms", "Set prepayment terms"))),
        milestone("onboardedMilestone", "Account live"));
  }

  static DemoModels.Model complaintHandling() {
    return process(
        "complaintHandling",
        "Complaint handling",
        "Complaint in",
        "Complaint closed",
        user("triageComplaint", "Triage complaint", "support", "PT4H"),
        decide(
            "severity",
            "Severity?",
            when("minor", below(400), send("answerMinor", "Answer by mail")),
            when("major", between(400, 850), user("investigate", "Investigate", "support")),
            when("critical", from(850), user("escalate", "Escalate to manager", "managers"))),
        decide(
            "compensation",
            "Compensate?",
            when("yes", from(600), rule("compensationRules", "Work out compensation")),
            when("no", below(600), service("logNoCompensation", "Record decision"))),
        decide(
            "survey",
            "Ask for feedback?",
            when("yes", A, send("sendSurvey", "Send satisfaction survey")),
            when("no", B, service("closeSilently", "Close without survey"))));
  }

  static DemoModels.Model returnsHandling() {
    return process(
        "returnsHandling",
        "Returns handling",
        "Return announced",
        "Return settled",
        service("issueRma", "Issue return number"),
        waitFor("awaitParcel", "Parcel arrives", "PT1M"),
        manual("inspectGoods", "Inspect returned goods"),
        decide(
            "condition",
            "Condition?",
            when("resellable", below(500), service("restock", "Put back into stock")),
            when("repairable", between(500, 850), user("orderRepair", "Order repair", "support")),
            when("scrap", from(850), service("scrapGoods", "Scrap goods"))),
        decide(
            "refund",
            "Refund or credit?",
            when("refund", A, service("refundPayment", "Refund payment")),
            when("credit note", B, send("sendCreditNote", "Send credit note"))),
        checked(
            "bookReturn",
            "Book return",
            List.of(service("postReturn", "Post return in ERP")),
            970,
            "ERP_REJECTED",
            user("fixBooking", "Fix return booking", "finance")));
  }

  static DemoModels.Model invoiceApproval() {
    return process(
        "invoiceApproval",
        "Invoice approval",
        "Invoice received",
        "Invoice booked",
        service("readInvoice", "Read invoice"),
        decide(
            "costCentre",
            "Cost centre known?",
            when("yes", from(100), service("assignCostCentre", "Assign cost centre")),
            when("no", below(100), user("askCostCentre", "Ask for cost centre", "finance"))),
        decide(
            "poMatch",
            "Matches purchase order?",
            when("yes", below(800), service("matchPo", "Match with order")),
            when("no", from(800), user("clarifyInvoice", "Clarify with buyer", "finance", "P1D"))),
        decide(
            "approvalLevel",
            "Approval level?",
            when("none", below(300), service("autoApprove", "Approve automatically")),
            when("team", between(300, 750), user("approveInvoice", "Approve invoice", "finance")),
            when(
                "board",
                from(750),
                forEach("boardApproval", "Approve as board member", "managers", 2))),
        decide(
            "earlyPay",
            "Pay early for discount?",
            when("yes", A, service("schedulePayment", "Schedule early payment")),
            when("no", B, service("scheduleDue", "Schedule payment at due date"))));
  }

  static DemoModels.Model paymentReminder() {
    return process(
        "paymentReminder",
        "Payment reminder",
        "Invoice overdue",
        "Payment settled",
        send("firstReminder", "Send first reminder"),
        waitFor("grace", "Grace period", "PT1M"),
        decide(
            "paid",
            "Paid meanwhile?",
            when("yes", below(600), service("closeDunning", "Close reminder case")),
            when("no", from(600), user("callCustomer", "Call customer", "finance", "P2D"))),
        decide(
            "agreement",
            "Payment plan?",
            when("yes", A, user("agreePlan", "Agree payment plan", "finance")),
            when("no", B, send("finalNotice", "Send final notice"))),
        decide(
            "collection",
            "Hand to collection?",
            when(
                "yes",
                from(950),
                user("collectionAgency", "Hand to collection agency", "managers")),
            when("no", below(950), service("keepWatching", "Keep watching account"))));
  }

  static DemoModels.Model purchaseRequisition() {
    return process(
        "purchaseRequisition",
        "Purchase requisition",
        "Need reported",
        "Order placed",
        user("describeNeed", "Describe need", "sales"),
        decide(
            "budget",
            "Within budget?",
            when("yes", below(700), service("reserveBudget", "Reserve budget")),
            when(
                "no", from(700), user("approveBudget", "Approve extra budget", "managers", "P1D"))),
        decide(
            "sourcing",
            "How to source?",
            when("catalogue", below(400), service("catalogueOrder", "Order from catalogue")),
            when(
                "three quotes",
                between(400, 800),
                forEach("collectQuotes", "Collect a supplier quote", "finance", 3)),
            when("tender", from(800), user("runTender", "Run tender", "managers"))),
        decide(
            "framework",
            "Framework contract?",
            when("yes", A, service("callOff", "Call off framework contract")),
            when("no", B, send("sendOrder", "Send purchase order"))));
  }

  static DemoModels.Model supplierOnboarding() {
    return process(
        "supplierOnboarding",
        "Supplier onboarding",
        "Supplier proposed",
        "Supplier listed",
        user("collectDocuments", "Collect supplier documents", "finance", "P3D"),
        checked(
            "compliance",
            "Compliance screening",
            List.of(
                service("screenSanctions", "Screen sanction lists"),
                rule("riskClass", "Classify risk")),
            930,
            "SANCTIONED",
            send("rejectSupplier", "Reject supplier")),
        decide(
            "audit",
            "Audit needed?",
            when("yes", from(700), user("auditSupplier", "Audit supplier", "managers")),
            when("no", below(700), service("selfAssessment", "Record self-assessment"))),
        decide(
            "payTerms",
            "Payment terms?",
            when("standard", A, service("standardTerms", "Set standard terms")),
            when("negotiated", B, user("negotiateTerms", "Negotiate terms", "finance"))));
  }

  static DemoModels.Model stockReplenishment() {
    return process(
        "stockReplenishment",
        "Stock replenishment",
        "Stock below minimum",
        "Stock replenished",
        script("forecast", "Forecast demand"),
        decide(
            "urgency",
            "Urgency?",
            when("routine", below(500), service("routineOrder", "Add to weekly order")),
            when("soon", between(500, 850), service("expressOrder", "Place express order")),
            when("critical", from(850), user("sourceSpot", "Source on spot market", "sales"))),
        decide(
            "supplierKnown",
            "Preferred supplier available?",
            when("yes", below(800), service("orderPreferred", "Order from preferred supplier")),
            when("no", from(800), user("pickSupplier", "Pick another supplier", "finance"))),
        waitFor("awaitDelivery", "Goods arrive", "PT1M"),
        decide(
            "quality",
            "Quality check passed?",
            when("yes", below(900), service("bookReceipt", "Book goods receipt")),
            when("no", from(900), user("claimSupplier", "Claim with supplier", "support"))));
  }

  static DemoModels.Model deliveryScheduling() {
    return process(
        "deliveryScheduling",
        "Delivery scheduling",
        "Delivery due",
        "Delivery scheduled",
        service("proposeSlot", "Propose delivery slot"),
        decide(
            "slotAccepted",
            "Slot accepted?",
            when("yes", below(750), send("confirmSlot", "Confirm slot")),
            when("no", from(750), user("agreeSlot", "Agree slot by phone", "sales", "PT4H"))),
        decide(
            "installation",
            "Installation wanted?",
            when("yes", from(600), user("bookFitter", "Book fitter", "support")),
            when("no", below(600), service("routePlan", "Plan route"))),
        decide(
            "weekend",
            "Weekend delivery?",
            when("yes", A, rule("weekendSurcharge", "Add weekend surcharge")),
            when("no", B, service("weekdayRoute", "Put on weekday route"))),
        decide(
            "heavy",
            "Heavy goods?",
            when("yes", from(700), user("bookForklift", "Book forklift", "support")),
            when("no", below(700), service("standardLoading", "Plan standard loading"))));
  }

  static DemoModels.Model priceChange() {
    return process(
        "priceChange",
        "Price change",
        "Price change requested",
        "Prices published",
        user("proposePrice", "Propose new prices", "sales"),
        rule("marginCheck", "Check margins"),
        decide(
            "marginOk",
            "Margin acceptable?",
            when("yes", below(800), service("acceptPrices", "Accept prices")),
            when("no", from(800), user("approvePrices", "Approve low margin", "managers", "P1D"))),
        decide(
            "announce",
            "Announce to customers?",
            when("yes", from(400), send("announcePrices", "Announce price change")),
            when("no", below(400), service("silentUpdate", "Update price list"))),
        decide(
            "shop",
            "Web shop too?",
            when("yes", A, service("updateShop", "Update web shop")),
            when("no", B, service("updateCatalogue", "Update print catalogue"))));
  }

  static DemoModels.Model contractRenewal() {
    return process(
        "contractRenewal",
        "Contract renewal",
        "Contract ends in 90 days",
        "Contract renewed",
        send("renewalOffer", "Send renewal offer"),
        waitFor("offerTime", "Time to answer", "PT1M"),
        decide(
            "answer",
            "Customer answer?",
            when("accepts", below(550), service("extendContract", "Extend contract")),
            when(
                "negotiates",
                between(550, 900),
                user("negotiateRenewal", "Negotiate renewal", "sales", "P2D")),
            when("silent", from(900), user("callAboutRenewal", "Call about renewal", "sales"))),
        decide(
            "upsell",
            "Upsell possible?",
            when("yes", A, user("proposeUpgrade", "Propose upgrade", "sales")),
            when("no", B, service("keepTerms", "Keep terms"))),
        decide(
            "signature",
            "Signature how?",
            when("electronic", below(700), service("eSign", "Collect e-signature")),
            when("paper", from(700), manual("paperSign", "Collect signed paper contract"))));
  }

  static DemoModels.Model campaignFollowUp() {
    return process(
        "campaignFollowUp",
        "Campaign follow-up",
        "Campaign answer in",
        "Follow-up done",
        rule("segmentContact", "Segment contact"),
        decide(
            "interest",
            "Interest?",
            when("high", from(650), user("callProspect", "Call prospect", "sales", "PT8H")),
            when("low", below(650), send("nurtureMail", "Send nurture mail"))),
        decide(
            "optIn",
            "Opted in?",
            when("yes", A, service("addToList", "Add to mailing list")),
            when("no", B, service("recordOptOut", "Record opt-out"))),
        decide(
            "region",
            "Region covered?",
            when("yes", below(800), service("assignRep", "Assign sales rep")),
            when("no", from(800), send("sendBrochure", "Send brochure"))),
        decide(
            "handOver",
            "Hand over to?",
            when("sales", below(800), service("createTask", "Create sales activity")),
            when("partner", from(800), send("tellPartner", "Tell partner"))));
  }

  static DemoModels.Model employeeOnboarding() {
    return process(
        "employeeOnboarding",
        "Employee onboarding",
        "Contract signed",
        "Employee started",
        service("createStaffRecord", "Create staff record"),
        together(
            "prepareStart",
            "Prepare first day",
            List.of(user("orderLaptop", "Order laptop", "support", "P2D")),
            List.of(user("planIntroduction", "Plan introduction week", "managers")),
            List.of(send("welcomeMail", "Send welcome mail"))),
        decide(
            "role",
            "Role?",
            when("sales", below(400), user("crmTraining", "Book CRM training", "sales")),
            when(
                "warehouse",
                between(400, 800),
                user("safetyTraining", "Book safety training", "support")),
            when("office", from(800), service("officeAccounts", "Create office accounts"))),
        decide(
            "mentor",
            "Mentor wanted?",
            when("yes", A, user("assignMentor", "Assign mentor", "managers")),
            when("no", B, send("buddyList", "Send buddy list"))),
        decide(
            "remote",
            "Works remotely?",
            when("yes", from(700), service("shipEquipment", "Ship equipment")),
            when("no", below(700), manual("prepareDesk", "Prepare desk"))),
        milestone("firstDay", "First day"));
  }

  static DemoModels.Model leaveRequest() {
    return process(
        "leaveRequest",
        "Leave request",
        "Leave requested",
        "Leave decided",
        script("leaveBalance", "Compute leave balance"),
        decide(
            "enoughDays",
            "Enough days left?",
            when("yes", below(900), user("approveLeave", "Approve leave", "managers", "P1D")),
            when("no", from(900), send("declineLeave", "Decline leave"))),
        decide(
            "longLeave",
            "Longer than two weeks?",
            when("yes", from(850), user("planHandover", "Plan handover", "managers")),
            when("no", below(850), service("updateCalendar", "Update team calendar"))),
        decide(
            "cover",
            "Cover needed?",
            when("yes", A, user("arrangeCover", "Arrange cover", "managers")),
            when("no", B, service("noCover", "Record no cover needed"))));
  }

  static DemoModels.Model expenseClaim() {
    return process(
        "expenseClaim",
        "Expense claim",
        "Claim submitted",
        "Claim paid",
        rule("policyCheck", "Check expense policy"),
        decide(
            "receipts",
            "Receipts complete?",
            when("yes", below(850), service("acceptReceipts", "Accept receipts")),
            when("no", from(850), user("askReceipts", "Ask for receipts", "finance", "P2D"))),
        decide(
            "claimSize",
            "Claim size?",
            when("small", below(300), service("payDirectly", "Pay with next salary")),
            when("medium", between(300, 800), user("approveClaim", "Approve claim", "managers")),
            when("large", from(800), user("auditClaim", "Audit claim", "finance"))),
        decide(
            "foreign",
            "Foreign currency?",
            when("yes", A, script("convertCurrency", "Convert currency")),
            when("no", B, service("bookInEuro", "Book in euro"))));
  }

  static DemoModels.Model accessRequest() {
    return process(
        "accessRequest",
        "IT access request",
        "Access requested",
        "Access granted",
        decide(
            "system",
            "Which system?",
            when("mail", below(300), service("mailbox", "Create mailbox")),
            when("ERP", between(300, 700), user("erpRole", "Grant ERP role", "support")),
            when(
                "finance",
                from(700),
                user("financeRole", "Approve finance access", "managers", "PT8H"))),
        checked(
            "provision",
            "Provision account",
            List.of(service("directory", "Update directory")),
            980,
            "DIRECTORY_DOWN",
            user("provisionByHand", "Provision by hand", "support")),
        decide(
            "temporary",
            "Temporary access?",
            when("yes", A, service("expiry", "Set expiry date")),
            when("no", B, send("confirmAccess", "Confirm access"))),
        decide(
            "review",
            "Yearly review?",
            when("yes", from(500), service("scheduleReview", "Schedule access review")),
            when("no", below(500), service("recordExemption", "Record exemption"))));
  }
}
